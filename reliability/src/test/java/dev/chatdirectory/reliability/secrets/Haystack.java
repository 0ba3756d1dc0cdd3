package dev.chatdirectory.reliability.secrets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the secrets sweep looked through, and every secret it found there.
 *
 * <p>A secret is searched for as written, URL-encoded and in Base64 (standard and URL-safe, with
 * and without padding). Texts are filed under a kind (log line, exception, {@code toString()},
 * file, CLI output, request URL), which the report counts. Thread-safe.
 */
final class Haystack {

    private final Map<String, String> needles = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final List<String> leaks = new ArrayList<>();

    /**
     * Adds secrets to look for.
     *
     * @param name what the secret is, for the report
     * @param values its values
     */
    synchronized void secrets(String name, Iterable<String> values) {
        for (String value : values) {
            if (value.length() < 8) {
                throw new IllegalArgumentException(name + " is too short to be searched for without false alarms");
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            needles.putIfAbsent(value, name);
            needles.putIfAbsent(URLEncoder.encode(value, StandardCharsets.UTF_8), name + " (URL-encoded)");
            String base64 = Base64.getEncoder().encodeToString(bytes);
            needles.putIfAbsent(base64, name + " (Base64)");
            needles.putIfAbsent(strip(base64), name + " (Base64)");
            String urlSafe = Base64.getUrlEncoder().encodeToString(bytes);
            needles.putIfAbsent(urlSafe, name + " (Base64url)");
            needles.putIfAbsent(strip(urlSafe), name + " (Base64url)");
        }
    }

    /** {@return how many distinct secret values are searched for, in all their forms} */
    synchronized int needleCount() {
        return needles.size();
    }

    /** {@return the secrets' names} */
    synchronized Set<String> secretNames() {
        Set<String> names = new LinkedHashSet<>();
        needles.values().forEach(n -> names.add(n.replaceAll(" \\(.*\\)$", "")));
        return names;
    }

    /**
     * Searches one text.
     *
     * @param kind what sort of text it is, e.g. "log line"
     * @param where where it came from, for the leak report
     * @param text the text
     */
    synchronized void search(String kind, String where, String text) {
        long[] count = counts.computeIfAbsent(kind, k -> new long[2]);
        count[0]++;
        count[1] += text.getBytes(StandardCharsets.UTF_8).length;
        // One leak per secret form and text: a padded Base64 match also matches unpadded.
        Set<String> found = new LinkedHashSet<>();
        needles.forEach((needle, name) -> {
            if (text.contains(needle) && found.add(name)) {
                leaks.add(kind + " " + where + ": " + name + " in: " + excerpt(text, needle));
            }
        });
    }

    /**
     * Searches an exception: its message, {@code toString()} and printed stack trace, for it and every
     * cause and suppressed exception.
     *
     * @param where what threw it
     * @param thrown the exception
     */
    void exception(String where, Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        StringBuilder text = new StringBuilder(trace.toString());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(thrown));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            if (!seen.add(t)) {
                continue;
            }
            text.append('\n')
                    .append(t)
                    .append('\n')
                    .append(t.getMessage())
                    .append('\n')
                    .append(t.getLocalizedMessage());
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
        search(
                "exception",
                where + " (" + thrown.getClass().getSimpleName() + ", " + seen.size() + " in chain)",
                text.toString());
    }

    /** {@return every leak found so far} */
    synchronized List<String> leaks() {
        return List.copyOf(leaks);
    }

    /** {@return texts searched and bytes scanned, per kind} */
    synchronized Map<String, long[]> counts() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        counts.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    private static String strip(String base64) {
        return base64.replace("=", "");
    }

    private static String excerpt(String text, String needle) {
        int at = text.indexOf(needle);
        int from = Math.max(0, at - 80);
        int to = Math.min(text.length(), at + needle.length() + 40);
        return text.substring(from, to).replace(needle, "<SECRET>").replace('\n', ' ');
    }
}

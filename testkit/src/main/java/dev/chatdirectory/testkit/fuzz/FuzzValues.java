package dev.chatdirectory.testkit.fuzz;

import dev.chatdirectory.model.TextRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded generators of the values callers pass to a {@code ChatDirectory}: ids, names, URLs,
 * e-mail addresses, metadata, page sizes, cursors and settings, each in two families.
 *
 * <ul>
 *   <li><b>invalid</b> values break a rule of the API (blank, whitespace at an end, a control
 *       character, an unpaired surrogate, too long, malformed): a directory must refuse them with
 *       {@code InvalidRequestException} and send nothing;
 *   <li><b>tricky</b> values obey every rule of the API but hold what breaks careless URL, form or
 *       JSON encoding ({@code / ? # % & ..}, {@code +}, quotes, non-ASCII letters, characters
 *       outside the Basic Multilingual Plane as surrogate pairs): they must reach the vendor
 *       encoded and come back equal.
 * </ul>
 *
 * <p>Every method draws from the random source it is given and nothing else, so one seed gives one
 * value (see {@link FuzzRun}). Stateless and thread-safe; a {@link SplittableRandom} itself is not,
 * so give each thread its own.
 */
public final class FuzzValues {

    /** The longest id, name and e-mail address the API accepts, in characters. */
    public static final int MAX_TEXT = 255;

    /** Pieces that break careless encoding but are legal in API text. */
    public static final List<String> TRICKY_PIECES = List.of(
            "/",
            "?",
            "#",
            "%",
            "&",
            "..",
            "%2F",
            "%25",
            "+",
            "=",
            ";",
            ":",
            "@",
            "'",
            "\"",
            "\\",
            "<",
            ">",
            "{",
            "}",
            "é",
            "ñ",
            "ß",
            "漢字",
            "Ωμέγα",
            "🚀",
            "\uD83C\uDF0D",
            "\uD834\uDD1E",
            " ",
            "*",
            "|",
            "[",
            "]",
            "~");

    // what Character.isWhitespace, and so String.strip() and isBlank(), cut; not U+00A0, which the API keeps
    private static final String WHITESPACE = " \t\u2003\u3000";

    private static final String[] LONG_TEXT_PIECES = {"a", "é", "🚀"};

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static final String BASE64ISH = ALPHANUMERIC + "+/=-_";

    private static final List<String> SETTING_NAMES = List.of(
            "endpoint",
            "connectTimeout",
            "readTimeout",
            "callTimeout",
            "retryMaxAttempts",
            "retryInitialBackoff",
            "retryMaxBackoff",
            "retryMaxRetryAfter",
            "rateLimitPermitsPerSecond",
            "rateLimitBurst",
            "maxResponseSize");

    private static final List<String> SETTING_SPELLINGS = spellings();

    private FuzzValues() {}

    /**
     * {@return short runs of ASCII letters and digits, the filler between tricky pieces}
     *
     * @param random the source
     */
    public static String plain(SplittableRandom random) {
        return fromChars(random, ALPHANUMERIC, 1 + random.nextInt(8));
    }

    /**
     * {@return text that every API rule accepts as an id, name or search text, made of tricky
     * pieces} Not blank, no whitespace at either end, at most 60 characters.
     *
     * @param random the source
     */
    public static String trickyText(SplittableRandom random) {
        while (true) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                text.append(random.nextInt(3) == 0 ? plain(random) : pick(random, TRICKY_PIECES));
            }
            String stripped = text.toString().strip();
            if (!stripped.isEmpty()) {
                return stripped;
            }
        }
    }

    /**
     * {@return one-line text that breaks a rule of ids and names} Blank, padded with whitespace,
     * holding a control character or an unpaired surrogate, or longer than {@code maxLength}
     * characters.
     *
     * @param random the source
     * @param maxLength the most characters the text may have
     */
    public static String invalidText(SplittableRandom random, int maxLength) {
        return switch (random.nextInt(5)) {
            case 0 -> blank(random);
            case 1 -> padded(random);
            case 2 -> withControlCharacter(random);
            case 3 -> withUnpairedSurrogate(random);
            default -> longerThan(random, maxLength);
        };
    }

    /**
     * {@return ids or names that every provider refuses: {@link #invalidText} beyond {@link
     * #MAX_TEXT}, and null one time in fifty}
     *
     * @param random the source
     */
    public static String invalidIdOrName(SplittableRandom random) {
        return random.nextInt(50) == 0 ? null : invalidText(random, MAX_TEXT);
    }

    /**
     * {@return whitespace only, the empty string included}
     *
     * @param random the source
     */
    public static String blank(SplittableRandom random) {
        return fromChars(random, WHITESPACE, random.nextInt(5));
    }

    /**
     * {@return tricky text with whitespace before, after or around it}
     *
     * @param random the source
     */
    public static String padded(SplittableRandom random) {
        String before = fromChars(random, WHITESPACE, 1 + random.nextInt(2));
        String text = trickyText(random);
        String after = fromChars(random, WHITESPACE, 1 + random.nextInt(2));
        return switch (random.nextInt(3)) {
            case 0 -> before + text;
            case 1 -> text + after;
            default -> before + text + after;
        };
    }

    /**
     * {@return tricky text with a C0, DEL or C1 control character somewhere in it}
     *
     * @param random the source
     */
    public static String withControlCharacter(SplittableRandom random) {
        char control = random.nextBoolean() ? (char) random.nextInt(0x20) : (char) (0x7F + random.nextInt(0x21));
        return insert(random, trickyText(random), String.valueOf(control));
    }

    /**
     * {@return tricky text with a lone high or low surrogate somewhere in it}
     *
     * @param random the source
     */
    public static String withUnpairedSurrogate(SplittableRandom random) {
        while (true) {
            char surrogate = (char) (0xD800 + random.nextInt(0x800));
            String text = insert(random, trickyText(random), String.valueOf(surrogate));
            // a high surrogate inserted just before a low one pairs up: keep only broken text
            if (!TextRules.isWellFormed(text)) {
                return text;
            }
        }
    }

    /**
     * {@return text of more than {@code maxLength} code points, so also more than {@code maxLength}
     * UTF-16 characters, some of them surrogate pairs}
     *
     * @param random the source
     * @param maxLength the most code points or characters allowed
     */
    public static String longerThan(SplittableRandom random, int maxLength) {
        int codePoints = maxLength + 1 + random.nextInt(64);
        StringBuilder text = new StringBuilder(2 * codePoints);
        for (int i = 0; i < codePoints; i++) {
            text.append(LONG_TEXT_PIECES[random.nextInt(LONG_TEXT_PIECES.length)]);
        }
        return text.toString();
    }

    /**
     * {@return absolute http(s) URLs whose path, query and fragment hold tricky characters,
     * percent-encoded where URIs require it}
     *
     * @param random the source
     */
    public static String trickyUrl(SplittableRandom random) {
        List<String> pieces = List.of("%2F", "%3F", "%23", "%25", "%26", "..", ".", "é", "漢字", "🚀", "~", "+");
        StringBuilder url = new StringBuilder(pick(random, List.of("http://", "https://", "HTTPS://")))
                .append(pick(random, List.of("cdn.example.com", "example.org:8443", "xn--bcher-kva.example")));
        int segments = 1 + random.nextInt(3);
        for (int s = 0; s < segments; s++) {
            url.append('/');
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                url.append(random.nextBoolean() ? plain(random) : pick(random, pieces));
            }
        }
        return url.append(pick(random, List.of("", "?q=a%26b", "?x=1&y=%2F", "?a=é", "?next=%3Fa%3Db")))
                .append(pick(random, List.of("", "#top", "#%23")))
                .toString();
    }

    /**
     * {@return strings that are not absolute http(s) URLs, or break a rule of one-line text} Not
     * null: the builders read a null URL as "not set".
     *
     * @param random the source
     */
    public static String invalidUrl(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> {
                String text = trickyText(random);
                yield text.contains("://") ? "no-scheme" : text;
            }
            case 1 ->
                pick(
                        random,
                        List.of(
                                "ftp://example.com/a.png",
                                "/relative/a.png",
                                "https://",
                                "http:///no-host",
                                "javascript:alert(1)",
                                "mailto:zoe@example.com",
                                "file:///etc/passwd",
                                "https://exa mple.com/",
                                "https://example.com/a b",
                                "//example.com/a.png"));
            case 2 -> trickyUrl(random) + withControlCharacter(random);
            case 3 -> trickyUrl(random) + "\uD800";
            default -> "https://example.com/" + "a".repeat(3001 + random.nextInt(100));
        };
    }

    /**
     * {@return strings that are not e-mail addresses like {@code name@example.com}} Not null,
     * which means "not set".
     *
     * @param random the source
     */
    public static String invalidEmail(SplittableRandom random) {
        String local = plain(random);
        return switch (random.nextInt(10)) {
            case 0 -> local;
            case 1 -> local + "@";
            case 2 -> "@" + local + ".com";
            case 3 -> local + "@example";
            case 4 -> local + "@@example.com";
            case 5 -> local + " x@example.com";
            case 6 -> local + "@exa mple.com";
            case 7 -> withControlCharacter(random).replace("@", "") + "@example.com";
            case 8 -> withUnpairedSurrogate(random).replace("@", "") + "@example.com";
            default -> "a".repeat(256 + random.nextInt(45)) + "@example.com";
        };
    }

    /**
     * {@return page sizes a listing refuses: zero and below, or above the provider's largest}
     *
     * @param random the source
     * @param maxPageSize the provider's largest page
     */
    public static int invalidPageSize(SplittableRandom random, int maxPageSize) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, maxPageSize + 1));
            case 1 -> -random.nextInt(Integer.MAX_VALUE);
            default -> maxPageSize + 1 + random.nextInt(Integer.MAX_VALUE - maxPageSize);
        };
    }

    /**
     * {@return strings a caller might pass as a cursor without having received it: random text,
     * base64-looking text, numbers and JSON}
     *
     * @param random the source
     */
    public static String forgedCursor(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> anyChars(random, random.nextInt(41));
            case 1 -> fromChars(random, BASE64ISH, random.nextInt(81));
            case 2 -> String.valueOf(random.nextLong());
            case 3 -> trickyText(random);
            default ->
                pick(
                        random,
                        List.of("", "null", "{}", "[]", "{\"offset\":-1}", "eyJvZmZzZXQiOi0xfQ==", "%00", "../../"));
        };
    }

    /**
     * {@return metadata that obeys the API's rules and is awkward to encode: tricky keys and
     * strings, numbers, booleans, lists and nested maps}
     *
     * @param random the source
     */
    public static Map<String, Object> trickyMetadata(SplittableRandom random) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        int entries = random.nextInt(5);
        for (int i = 0; i < entries; i++) {
            Object value = switch (random.nextInt(3)) {
                case 0 -> metadataLeaf(random);
                case 1 -> {
                    List<Object> list = new ArrayList<>();
                    int n = random.nextInt(4);
                    for (int j = 0; j < n; j++) {
                        list.add(metadataLeaf(random));
                    }
                    yield list;
                }
                default -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    int n = random.nextInt(3);
                    for (int j = 0; j < n; j++) {
                        map.put(trickyText(random), metadataLeaf(random));
                    }
                    yield map;
                }
            };
            metadata.put(trickyText(random), value);
        }
        return metadata;
    }

    private static Object metadataLeaf(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> trickyText(random);
            case 1 -> random.nextInt();
            default -> random.nextBoolean();
        };
    }

    /**
     * {@return metadata the API refuses, a small valid part beside the bad entry} Blank keys or keys
     * with an unpaired surrogate, null or non-finite values, values that are not JSON, nesting
     * deeper than 16 levels or more than 64 KiB of JSON.
     *
     * @param random the source
     */
    public static Map<String, Object> invalidMetadata(SplittableRandom random) {
        // HashMap: the only standard map that holds a null value and takes any key
        Map<String, Object> metadata = new HashMap<>();
        int good = random.nextInt(3);
        for (int i = 0; i < good; i++) {
            metadata.put(plain(random), plain(random));
        }
        switch (random.nextInt(7)) {
            case 0 -> metadata.put(trickyText(random), null);
            case 1 -> metadata.put(random.nextBoolean() ? blank(random) : withUnpairedSurrogate(random), plain(random));
            case 2 ->
                metadata.put(
                        trickyText(random),
                        pick(random, List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)));
            case 3 ->
                metadata.put(
                        trickyText(random),
                        pick(random, List.of(new Object(), new StringBuilder("sb"), Thread.State.NEW, new int[] {1})));
            case 4 -> metadata.put(trickyText(random), withUnpairedSurrogate(random));
            case 5 -> metadata.put(trickyText(random), nested(17 + random.nextInt(24)));
            default -> metadata.put(trickyText(random), "x".repeat(64 * 1024 + 1 + random.nextInt(1024)));
        }
        return metadata;
    }

    private static Object nested(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            value = i % 2 == 0 ? Map.of("k", value) : List.of(value);
        }
        return value;
    }

    /**
     * {@return text for a setting's value: numbers, durations and sizes as written by people,
     * including negative, huge, fractional and malformed ones}
     *
     * @param random the source
     */
    public static String settingValue(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> fromChars(random, "0123456789-+.eE PTSMHDmshbkigKIBGNaf,_", random.nextInt(25));
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> String.valueOf(Double.longBitsToDouble(random.nextLong()));
            case 3 ->
                (random.nextInt(5006) - 5)
                        + pick(random, List.of("ms", "s", "m", "h", "KiB", "MiB", "GiB", "b", "", " s", "d"));
            case 4 ->
                pick(
                        random,
                        List.of(
                                "NaN",
                                "Infinity",
                                "-Infinity",
                                "1e309",
                                "9223372036854775808",
                                "PT-1S",
                                "P1000D",
                                "PT0S",
                                "http://",
                                "ftp://example.com",
                                "https://example.com",
                                "http://[::1]:99999/",
                                "0x10",
                                ""));
            default -> trickyText(random);
        };
    }

    /**
     * {@return the name of a setting every provider reads, as a caller might spell it: camel case,
     * dotted, dashed or upper case}
     *
     * @param random the source
     */
    public static String settingName(SplittableRandom random) {
        return pick(random, SETTING_SPELLINGS);
    }

    /**
     * {@return one to three settings, as names and value text in insertion order}
     *
     * @param random the source
     */
    public static Map<String, String> settings(SplittableRandom random) {
        Map<String, String> settings = new LinkedHashMap<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            settings.put(settingName(random), settingValue(random));
        }
        return settings;
    }

    /**
     * {@return one of the values}
     *
     * @param random the source
     * @param values the values to pick from, not empty
     * @param <T> the type of the values
     */
    public static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * {@return the text with {@code piece} inserted at a random code point boundary}
     */
    private static String insert(SplittableRandom random, String text, String piece) {
        int at = text.offsetByCodePoints(0, random.nextInt(text.codePointCount(0, text.length()) + 1));
        return text.substring(0, at) + piece + text.substring(at);
    }

    private static String fromChars(SplittableRandom random, String chars, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** Any UTF-16 units, surrogates and control characters included, mostly from the first planes. */
    private static String anyChars(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return text.toString();
    }

    private static List<String> spellings() {
        List<String> spellings = new ArrayList<>(SETTING_NAMES);
        for (String name : SETTING_NAMES) {
            spellings.add(name.toUpperCase(Locale.ROOT));
            spellings.add(name.replaceAll("([A-Z])", ".$1").toLowerCase(Locale.ROOT));
            spellings.add(name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
        }
        return List.copyOf(spellings);
    }
}

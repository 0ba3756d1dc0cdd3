package dev.chatdirectory.http;

import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a log, an exception message or a {@code toString()}.
 *
 * <p>Replaces every occurrence of each secret value with {@value #MASK}, and also the masked form
 * some vendors echo back (first five characters, asterisks, last five), which still gives away
 * part of a key. Header values of well-known credential headers are always masked, whatever their
 * value, and so are the values of JSON members and form fields whose name contains {@code
 * password} (any case), such as the user or group passwords some vendors take in request bodies:
 * they are secrets no configuration knows, and bodies are logged at TRACE. Immutable and
 * thread-safe.
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Header names whose values are always masked, compared ignoring case. */
    public static final Set<String> CREDENTIAL_HEADERS = Set.of(
            "authorization",
            "proxy-authorization",
            "apikey",
            "api-key",
            "x-api-key",
            "qiscus-sdk-secret",
            "qiscus_sdk_secret",
            "cookie",
            "set-cookie");

    /** A JSON string member named like a password: name and opening quote, value, closing quote. */
    private static final Pattern PASSWORD_MEMBER =
            Pattern.compile("(\"[^\"]*password[^\"]*\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")", Pattern.CASE_INSENSITIVE);

    /** A form or query field named like a password: name and equals sign, then the value. */
    private static final Pattern PASSWORD_FIELD =
            Pattern.compile("((?:^|[?&\\s])[^=&\\s]*password[^=&\\s]*=)[^&\\s]*", Pattern.CASE_INSENSITIVE);

    private static final int MIN_SECRET_LENGTH = 4;
    private static final int ECHO_PART = 5;
    private static final SecretRedactor NONE = new SecretRedactor(List.of());

    private final List<Pattern> patterns;

    private SecretRedactor(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Returns a redactor that knows no secrets (credential headers are still masked). */
    public static SecretRedactor none() {
        return NONE;
    }

    /**
     * Returns a redactor for the given secret values; values shorter than four characters are
     * ignored, as masking them would garble ordinary text.
     *
     * @param secrets the secret values
     * @return the redactor
     */
    public static SecretRedactor of(Collection<String> secrets) {
        List<String> sorted = secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.length() >= MIN_SECRET_LENGTH)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        List<Pattern> patterns = new ArrayList<>();
        for (String secret : sorted) {
            patterns.add(Pattern.compile(Pattern.quote(secret)));
            if (secret.length() > 2 * ECHO_PART) {
                patterns.add(Pattern.compile(Pattern.quote(secret.substring(0, ECHO_PART)) + "\\*+"
                        + Pattern.quote(secret.substring(secret.length() - ECHO_PART))));
            }
        }
        return new SecretRedactor(patterns);
    }

    /**
     * Returns a redactor for the secret credentials the descriptor declares, with the values the
     * configuration gives them.
     *
     * @param config the configuration holding the values
     * @param descriptor the descriptor naming which properties are secret
     * @return the redactor
     */
    public static SecretRedactor from(ProviderConfig config, ProviderDescriptor descriptor) {
        List<String> values = new ArrayList<>();
        for (CredentialSpec spec : descriptor.credentials()) {
            if (spec.secret()) {
                config.property(spec.name()).ifPresent(values::add);
            }
        }
        return of(values);
    }

    /**
     * Returns the text with every secret and every password value masked.
     *
     * @param text the text, may be {@code null}
     * @return the redacted text, {@code null} for {@code null}
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Pattern pattern : patterns) {
            result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(MASK));
        }
        if (result.toLowerCase(Locale.ROOT).contains("password")) {
            // Each pattern only where it can match: the form-field scan is the costly one.
            if (result.indexOf('"') >= 0) {
                result = PASSWORD_MEMBER.matcher(result).replaceAll("$1" + MASK + "$2");
            }
            if (result.indexOf('=') >= 0) {
                result = PASSWORD_FIELD.matcher(result).replaceAll("$1" + MASK);
            }
        }
        return result;
    }

    /**
     * Returns a header value fit for a log: masked entirely for credential headers, otherwise
     * with secrets masked.
     *
     * @param name the header name
     * @param value the header value
     * @return the value to show
     */
    public String redactHeader(String name, String value) {
        return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : redact(value);
    }
}

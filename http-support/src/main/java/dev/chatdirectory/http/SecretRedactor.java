package dev.chatdirectory.http;

import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets from text before it reaches a log, an exception message or a {@code toString()}.
 *
 * <p>Replaces every occurrence of each secret value with {@value #MASK}, and also the masked form
 * some vendors echo back (first five characters, asterisks, last five), which still gives away
 * part of a key. Header values of credential headers are always masked, whatever their value: the
 * standard HTTP ones ({@link #STANDARD_CREDENTIAL_HEADERS}) and those the provider declares ({@link
 * #withCredentialHeaders}); so are the values of JSON string members and form fields with a secret name: secrets
 * no configuration knows, such as the passwords some vendors take in request bodies or the login
 * tokens some hand out in answers, while bodies are logged at TRACE. A name is secret when it
 * contains {@code password} or one of the field names the provider declares ({@link
 * #withSecretFields}), ignoring case; the same rule ({@link #isSecretField}) takes such fields out
 * of raw payloads. Immutable and thread-safe.
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /**
     * The standard HTTP header names whose values are always masked, compared ignoring case; a
     * vendor's own credential headers are declared by its provider.
     */
    public static final Set<String> STANDARD_CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    /** Passwords are secret at every vendor, whatever the provider declares. */
    private static final List<String> ALWAYS_SECRET_FIELDS = List.of("password");

    private static final int MIN_SECRET_LENGTH = 4;
    private static final int ECHO_PART = 5;
    private static final SecretRedactor NONE =
            new SecretRedactor(List.of(), ALWAYS_SECRET_FIELDS, STANDARD_CREDENTIAL_HEADERS);

    private final List<Pattern> patterns;
    /** Lower-case header names whose values are always masked. */
    private final Set<String> credentialHeaders;
    /** Lower-case words that make a field name secret. */
    private final List<String> fieldWords;
    /** A JSON string member with a secret name: name and opening quote, value, closing quote. */
    private final Pattern secretMember;
    /** A form or query field with a secret name: name and equals sign, then the value. */
    private final Pattern secretField;

    private SecretRedactor(List<Pattern> patterns, List<String> fieldWords, Set<String> credentialHeaders) {
        this.patterns = List.copyOf(patterns);
        this.credentialHeaders = Set.copyOf(credentialHeaders);
        this.fieldWords = List.copyOf(fieldWords);
        String words = this.fieldWords.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        this.secretMember = Pattern.compile(
                "(\"[^\"]*" + words + "[^\"]*\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")", Pattern.CASE_INSENSITIVE);
        this.secretField =
                Pattern.compile("((?:^|[?&\\s])[^=&\\s]*" + words + "[^=&\\s]*=)[^&\\s]*", Pattern.CASE_INSENSITIVE);
    }

    /** Returns a redactor that knows no secrets (standard credential headers are still masked). */
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
        return new SecretRedactor(patterns, ALWAYS_SECRET_FIELDS, STANDARD_CREDENTIAL_HEADERS);
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
     * Returns a redactor that also treats fields whose name contains one of the given names,
     * ignoring case, as secret: a provider declares so the fields of its vendor's wire that carry
     * credentials, e.g. {@code authToken}.
     *
     * @param names the field names, none blank
     * @return the redactor, with this one's secrets
     * @throws IllegalArgumentException if a name is blank
     */
    public SecretRedactor withSecretFields(Collection<String> names) {
        List<String> words = new ArrayList<>(fieldWords);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("secret field names must not be blank: " + names);
            }
            String word = name.toLowerCase(Locale.ROOT);
            if (!words.contains(word)) {
                words.add(word);
            }
        }
        return words.size() == fieldWords.size() ? this : new SecretRedactor(patterns, words, credentialHeaders);
    }

    /**
     * Returns a redactor that also masks the whole value of the given headers, ignoring case: a
     * provider declares so the headers its vendor reads credentials from, e.g. {@code apikey}.
     *
     * @param names the header names, none blank
     * @return the redactor, with this one's secrets
     * @throws IllegalArgumentException if a name is blank
     */
    public SecretRedactor withCredentialHeaders(Collection<String> names) {
        Set<String> headers = new HashSet<>(credentialHeaders);
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("credential header names must not be blank: " + names);
            }
            headers.add(name.toLowerCase(Locale.ROOT));
        }
        return headers.equals(credentialHeaders) ? this : new SecretRedactor(patterns, fieldWords, headers);
    }

    /**
     * {@return whether a field of that name holds a secret}
     *
     * @param name a JSON member or form field name
     */
    public boolean isSecretField(String name) {
        // Called for every member of every raw payload: compared in place, nothing allocated.
        for (String word : fieldWords) {
            for (int at = 0, last = name.length() - word.length(); at <= last; at++) {
                if (name.regionMatches(true, at, word, 0, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the text with every secret and the value of every secret field masked.
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
        String lower = result.toLowerCase(Locale.ROOT);
        if (fieldWords.stream().anyMatch(lower::contains)) {
            // Each pattern only where it can match: the form-field scan is the costly one.
            if (result.indexOf('"') >= 0) {
                result = secretMember.matcher(result).replaceAll("$1" + MASK + "$2");
            }
            if (result.indexOf('=') >= 0) {
                result = secretField.matcher(result).replaceAll("$1" + MASK);
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
        return credentialHeaders.contains(name.toLowerCase(Locale.ROOT)) ? MASK : redact(value);
    }
}

package dev.chatdirectory.model;

import dev.chatdirectory.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Provider-independent validation of request fields; every failure names the field and the rule. */
final class Checks {

    static final int MAX_ID_LENGTH = 255;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_TEXT_LENGTH = 4000;
    static final int MAX_URL_LENGTH = 3000;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern ROLE = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

    private Checks() {}

    static String id(String field, String value) {
        notNull(field, value);
        if (value.isEmpty() || value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        if (!value.strip().equals(value)) {
            throw InvalidRequestException.of(field, "must not start or end with whitespace");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw InvalidRequestException.of(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequestException.of(field, "must not contain control characters");
        }
        return value;
    }

    static String name(String field, String value) {
        notNull(field, value);
        if (value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_NAME_LENGTH) {
            throw InvalidRequestException.of(field, "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequestException.of(field, "must not contain control characters");
        }
        return value;
    }

    static Optional<String> text(String field, Optional<String> value) {
        notNull(field, value);
        value.ifPresent(v -> {
            if (v.codePointCount(0, v.length()) > MAX_TEXT_LENGTH) {
                throw InvalidRequestException.of(field, "must be at most " + MAX_TEXT_LENGTH + " characters");
            }
        });
        return value;
    }

    static Optional<String> url(String field, Optional<String> value) {
        notNull(field, value);
        value.ifPresent(v -> url(field, v));
        return value;
    }

    static String url(String field, String value) {
        notNull(field, value);
        if (value.length() > MAX_URL_LENGTH) {
            throw InvalidRequestException.of(field, "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw InvalidRequestException.of(field, "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw InvalidRequestException.of(field, "must be an absolute http or https URL");
        }
        return value;
    }

    static Optional<String> email(String field, Optional<String> value) {
        notNull(field, value);
        value.ifPresent(v -> email(field, v));
        return value;
    }

    static String email(String field, String value) {
        notNull(field, value);
        if (value.length() > MAX_ID_LENGTH || !EMAIL.matcher(value).matches()) {
            throw InvalidRequestException.of(field, "must be an e-mail address like name@example.com");
        }
        return value;
    }

    static Optional<String> role(String field, Optional<String> value) {
        notNull(field, value);
        value.ifPresent(v -> role(field, v));
        return value;
    }

    static String role(String field, String value) {
        notNull(field, value);
        if (!ROLE.matcher(value).matches()) {
            throw InvalidRequestException.of(field, "must match " + ROLE.pattern());
        }
        return value;
    }

    static int pageSize(int value) {
        if (value < 1) {
            throw InvalidRequestException.of("pageSize", "must be at least 1");
        }
        return value;
    }

    static <T> Patch<T> setPatch(String field, T value) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null; clear the field instead");
        }
        return Patch.set(value);
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null");
        }
        return value;
    }
}

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
        // Length first: every later check walks the whole value.
        if (value.length() > MAX_ID_LENGTH) {
            throw InvalidRequestException.of(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        if (!value.strip().equals(value)) {
            throw InvalidRequestException.of(field, "must not start or end with whitespace");
        }
        return oneLine(field, value);
    }

    static String name(String field, String value) {
        notNull(field, value);
        maxCodePoints(field, value, MAX_NAME_LENGTH);
        if (value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        // CometChat trims every string it receives (Laravel's TrimStrings), so a padded name would
        // come back altered; the other vendors do not document what they do, so no provider gets one.
        if (!value.strip().equals(value)) {
            throw InvalidRequestException.of(field, "must not start or end with whitespace");
        }
        return oneLine(field, value);
    }

    /** Applies {@link TextRules#brokenRule}: no unpaired surrogate, no control character. */
    static String oneLine(String field, String value) {
        TextRules.brokenRule(value).ifPresent(rule -> {
            throw InvalidRequestException.of(field, rule);
        });
        return value;
    }

    /**
     * Rejects text of more than {@code max} code points, without counting them when the length
     * alone decides: a code point takes one or two chars.
     */
    private static void maxCodePoints(String field, String value, int max) {
        if (value.length() > 2 * max || value.length() > max && value.codePointCount(0, value.length()) > max) {
            throw InvalidRequestException.of(field, "must be at most " + max + " characters");
        }
    }

    /** Free text: tab, line feed and carriage return are allowed, other control characters are not. */
    static Optional<String> text(String field, Optional<String> value) {
        notNull(field, value);
        value.ifPresent(v -> {
            maxCodePoints(field, v, MAX_TEXT_LENGTH);
            TextRules.brokenRuleOfFreeText(v).ifPresent(rule -> {
                throw InvalidRequestException.of(field, rule);
            });
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
        oneLine(field, value);
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
        if (value.length() > MAX_ID_LENGTH) {
            throw InvalidRequestException.of(field, "must be an e-mail address like name@example.com");
        }
        // The pattern's \s leaves NUL, BEL and the other controls to this check.
        oneLine(field, value);
        if (!EMAIL.matcher(value).matches()) {
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

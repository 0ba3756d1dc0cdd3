package dev.chatdirectory.emulator.atomchat;

import dev.chatdirectory.emulator.EmulatorRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The form fields of one request, read the way the vendor's PHP code reads {@code $_POST}: a
 * missing field and an empty one are the same, lists are comma separated.
 */
final class FormFields {

    private final EmulatorRequest request;

    FormFields(EmulatorRequest request) {
        this.request = request;
    }

    /** Returns the field's first value exactly as decoded, or an empty string when absent. */
    String text(String name) {
        return request.formField(name).orElse("");
    }

    /** Returns the field's first value without surrounding whitespace, or an empty string. */
    String trimmed(String name) {
        return text(name).trim();
    }

    /** Returns whether the field was sent with a non-blank value. */
    boolean has(String name) {
        return !trimmed(name).isEmpty();
    }

    /** Splits a comma-separated field into trimmed, non-empty items, keeping their order. */
    List<String> list(String name) {
        return Arrays.stream(text(name).split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /**
     * Returns whether any of the given fields holds a true flag: {@code true} (any case) or {@code 1}.
     * The docs spell flags {@code true|false}, the server code compares with {@code 1}; both count.
     */
    boolean flag(String... names) {
        for (String name : names) {
            String value = trimmed(name).toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("1")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses an integer field.
     *
     * @param fallback value for an absent, empty or non-numeric field
     */
    int integer(String name, int fallback) {
        try {
            return Integer.parseInt(trimmed(name));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

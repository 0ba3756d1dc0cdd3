package dev.chatdirectory.emulator.cometchat;

import dev.chatdirectory.emulator.EmulatorRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and validates the query parameters of the list endpoints, recording failures in a
 * {@link Validation} so that every bad parameter is reported in one 400 answer.
 *
 * <p>Array parameters ({@code tags}, {@code roles}, {@code searchIn}, {@code types},
 * {@code scopes}) are documented as {@code style: form, explode: false}, i.e. {@code tags=a,b}; the
 * encoding of some is unspecified, so repeated ({@code tags=a&tags=b}) and PHP-style
 * ({@code tags[]=a}) parameters are accepted too [I].
 */
final class ListQuery {

    /** Default page size of every list, documented. */
    static final int DEFAULT_PER_PAGE = 100;
    /** Largest page size, documented; larger values are refused with a 400 [I: undocumented]. */
    static final int MAX_PER_PAGE = 1000;

    private final EmulatorRequest request;
    private final Validation validation;

    ListQuery(EmulatorRequest request, Validation validation) {
        this.request = request;
        this.validation = validation;
    }

    /** Returns a trimmed non-empty single-valued parameter. */
    Optional<String> string(String name) {
        return request.queryParam(name).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Returns the values of an array parameter, split on commas, blanks dropped. */
    List<String> list(String name) {
        List<String> raw = new ArrayList<>(request.queryParams(name));
        raw.addAll(request.queryParams(name + "[]"));
        List<String> values = new ArrayList<>();
        for (String entry : raw) {
            for (String part : entry.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    values.add(trimmed);
                }
            }
        }
        return values;
    }

    /** Returns the values of an array parameter, each checked against the allowed values. */
    List<String> list(String name, Collection<String> allowed) {
        List<String> values = list(name);
        for (int i = 0; i < values.size(); i++) {
            validation.in(name + "." + i, values.get(i), allowed);
        }
        return values;
    }

    /** Returns a single-valued parameter checked against the allowed values. */
    Optional<String> oneOf(String name, Collection<String> allowed) {
        Optional<String> value = string(name);
        if (value.isPresent() && !validation.in(name, value.get(), allowed)) {
            return Optional.empty();
        }
        return value;
    }

    /** Returns a boolean flag: {@code true}/{@code false}/{@code 1}/{@code 0}; false when absent. */
    boolean flag(String name) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return false;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "1":
                return true;
            case "false", "0":
                return false;
            default:
                validation.fail(name, "The :attribute field must be true or false.");
                return false;
        }
    }

    /** Returns an integer parameter with a lower and an upper bound, or {@code fallback}. */
    long integer(String name, long fallback, long min, long max) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            validation.fail(name, "The :attribute must be an integer.");
            return fallback;
        }
        if (parsed < min) {
            validation.fail(name, "The :attribute must be at least " + min + ".");
            return fallback;
        }
        if (parsed > max) {
            validation.fail(name, "The :attribute may not be greater than " + max + ".");
            return fallback;
        }
        return parsed;
    }

    /** Returns the page request from {@code perPage} and {@code page}. */
    PageRequest page() {
        int perPage = (int) integer("perPage", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        int page = (int) integer("page", 1, 1, Integer.MAX_VALUE);
        return new PageRequest(perPage, page);
    }
}

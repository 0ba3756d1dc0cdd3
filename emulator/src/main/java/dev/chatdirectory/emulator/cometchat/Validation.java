package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects validation failures the way the service's Laravel validator reports them: a map from
 * field name (dotted for array elements, e.g. {@code tags.0}) to the list of failed rule messages,
 * rendered as {@code error.details} of a 400 {@code ERR_BAD_REQUEST}.
 *
 * <p>Messages are Laravel's English defaults. Those captured from the live service are "field is
 * required", "field must have a value" and "must be a valid URL"; for the others the reference
 * recommends the Laravel defaults ("may only contain ...", "may not be greater than ...") [I].
 * Field names are displayed as Laravel does: camelCase becomes lower-case words
 * ({@code perPage} is shown as "per page").
 *
 * <p>The typed getters validate and return the value in one step; they return {@code null} when the
 * field is absent, JSON {@code null}, or invalid (after recording the failure), so handlers can
 * collect every failure before {@link #throwIfInvalid()}.
 */
final class Validation {

    private static final Pattern ALPHA_DASH = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ftp", "ftps");

    private final Map<String, List<String>> details = new LinkedHashMap<>();

    /** Records a failed rule for a field; {@code :attribute} in the template is the display name. */
    void fail(String field, String template) {
        details.computeIfAbsent(field, f -> new ArrayList<>()).add(template.replace(":attribute", displayName(field)));
    }

    /** Returns whether a failure was recorded for the field. */
    boolean failed(String field) {
        return details.containsKey(field);
    }

    /** Throws the 400 {@code ERR_BAD_REQUEST} answer when any rule failed. */
    void throwIfInvalid() {
        if (!details.isEmpty()) {
            throw Errors.validation(details);
        }
    }

    /** Laravel {@code required|string}: a non-blank string; returns it trimmed. */
    String requiredString(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (isBlank(value)) {
            fail(field, "The :attribute field is required.");
            return null;
        }
        return string(field, value);
    }

    /** Laravel {@code filled|string}: absent is fine, present must be a non-blank string. */
    String filledString(ObjectNode body, String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode value = body.get(field);
        if (isBlank(value)) {
            fail(field, "The :attribute field must have a value.");
            return null;
        }
        return string(field, value);
    }

    /** Laravel {@code nullable|string}: absent, null or empty means "not given". */
    String optionalString(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (isBlank(value)) {
            return null;
        }
        return string(field, value);
    }

    /** Laravel {@code nullable|url|max:n}. */
    String optionalUrl(ObjectNode body, String field, int maxLength) {
        String value = optionalString(body, field);
        if (value == null) {
            return null;
        }
        boolean ok = true;
        if (!isUrl(value)) {
            fail(field, "The :attribute must be a valid URL.");
            ok = false;
        }
        if (!maxLength(field, value, maxLength)) {
            ok = false;
        }
        return ok ? value : null;
    }

    /**
     * A JSON object (Laravel {@code array} on the decoded PHP value). A JSON array is refused as
     * well because the reference documents metadata as an object [I].
     */
    ObjectNode optionalObject(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            fail(field, "The :attribute must be an array.");
            return null;
        }
        return (ObjectNode) value.deepCopy();
    }

    /** Laravel {@code boolean}: true, false, 1, 0, "1" or "0"; {@code fallback} when absent. */
    boolean optionalBoolean(ObjectNode body, String field, boolean fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.isNumber() || value.isTextual() ? value.asText() : "";
        if (text.equals("1") || text.equals("0")) {
            return text.equals("1");
        }
        fail(field, "The :attribute field must be true or false.");
        return fallback;
    }

    /**
     * An array of non-blank strings of at most {@code maxLength} characters each and at most
     * {@code maxItems} entries ({@code 0} = unlimited); {@code null} when absent or invalid.
     */
    List<String> optionalStringList(ObjectNode body, String field, int maxItems, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            fail(field, "The :attribute must be an array.");
            return null;
        }
        boolean ok = true;
        if (maxItems > 0 && value.size() > maxItems) {
            fail(field, "The :attribute may not have more than " + maxItems + " items.");
            ok = false;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String element = field + "." + i;
            JsonNode item = value.get(i);
            if (isBlank(item)) {
                fail(element, "The :attribute field is required.");
                ok = false;
                continue;
            }
            String text = string(element, item);
            if (text == null || (maxLength > 0 && !maxLength(element, text, maxLength))) {
                ok = false;
                continue;
            }
            items.add(text);
        }
        return ok ? items : null;
    }

    /** Laravel {@code required|array} of non-blank strings; {@code null} when invalid. */
    List<String> requiredStringList(ObjectNode body, String field) {
        if (isBlank(body.get(field))) {
            fail(field, "The :attribute field is required.");
            return null;
        }
        return optionalStringList(body, field, 0, 0);
    }

    /** Laravel {@code alpha_dash}, restricted to ASCII as the reference describes UIDs and GUIDs. */
    boolean alphaDash(String field, String value) {
        if (ALPHA_DASH.matcher(value).matches()) {
            return true;
        }
        fail(field, "The :attribute may only contain letters, numbers, dashes and underscores.");
        return false;
    }

    /** Laravel {@code max:n} on a string (characters, not bytes). */
    boolean maxLength(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) <= max) {
            return true;
        }
        fail(field, "The :attribute may not be greater than " + max + " characters.");
        return false;
    }

    /** Laravel {@code in:...}. */
    boolean in(String field, String value, Collection<String> allowed) {
        if (allowed.contains(value)) {
            return true;
        }
        fail(field, "The selected :attribute is invalid.");
        return false;
    }

    /** Returns Laravel's display form of a field name: {@code perPage} becomes {@code per page}. */
    static String displayName(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && Character.isLetterOrDigit(field.charAt(i - 1))) {
                    out.append(' ');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c == '_' ? ' ' : c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private String string(String field, JsonNode value) {
        if (!value.isTextual()) {
            fail(field, "The :attribute must be a string.");
            return null;
        }
        return value.textValue().trim();
    }

    /** Laravel trims strings and turns empty ones into null before validating. */
    private static boolean isBlank(JsonNode value) {
        return value == null
                || value.isNull()
                || (value.isTextual() && value.textValue().isBlank())
                || (value.isArray() && value.isEmpty());
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null
                    && URL_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

package dev.chatdirectory.provider.atomchat.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form fields of one AtomChat request, in the order they are added. Lists of ids are one
 * field, joined with commas and no spaces, as AtomChat reads them; each whole value is
 * percent-encoded later by the form encoder.
 */
final class Form {

    private final Map<String, String> fields = new LinkedHashMap<>();

    private Form() {}

    /** {@return a form without fields} */
    static Form empty() {
        return new Form();
    }

    /**
     * Starts a form with one field.
     *
     * @param name the field name
     * @param value the value
     * @return the form
     */
    static Form of(String name, String value) {
        return new Form().and(name, value);
    }

    /**
     * Starts a form with one comma-joined list field.
     *
     * @param name the field name, e.g. {@code UIDs}
     * @param values the ids, none containing a comma (the descriptor's id rules ensure it)
     * @return the form
     */
    static Form ofList(String name, Collection<String> values) {
        return new Form().andList(name, values);
    }

    /**
     * Adds a field unless the value is {@code null}.
     *
     * @param name the field name
     * @param value the value, or {@code null} to leave the field out
     * @return this form
     */
    Form and(String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /**
     * Adds a comma-joined list field.
     *
     * @param name the field name
     * @param values the ids
     * @return this form
     */
    Form andList(String name, Collection<String> values) {
        fields.put(name, String.join(",", values));
        return this;
    }

    /** {@return the fields, read-only} */
    Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }
}

package dev.chatdirectory;

import java.util.Optional;

/**
 * Raised when a request is invalid: by ChatDirectory's own validation before anything is sent, or
 * by the vendor's validation.
 *
 * <p>When raised by ChatDirectory, {@link #field()} names the offending field (e.g. {@code
 * userId}, {@code avatarUrl}, {@code metadata}) and {@link #rule()} states the rule it broke (e.g.
 * {@code must match [a-z0-9_-]{1,100}}), and no request was sent. Vendor-side validation errors
 * carry the field when the vendor names one.
 */
public class InvalidRequestException extends ChatDirectoryException {

    private static final long serialVersionUID = 1L;

    /** The offending field, {@code null} when unknown. */
    private final String field;
    /** The broken rule. */
    private final String rule;

    /**
     * Creates the exception for a field that broke a rule.
     *
     * @param field the offending field, or {@code null} when the vendor did not name one
     * @param rule the rule it broke, for people
     * @param context where it came from
     */
    public InvalidRequestException(String field, String rule, ErrorContext context) {
        super(field == null ? rule : field + ": " + rule, context);
        this.field = field;
        this.rule = rule;
    }

    /**
     * Creates the exception raised by ChatDirectory's own validation, before any request.
     *
     * @param field the offending field
     * @param rule the rule it broke
     * @return the exception
     */
    public static InvalidRequestException of(String field, String rule) {
        return new InvalidRequestException(field, rule, ErrorContext.none());
    }

    /** {@return the offending field, when known} */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** {@return the rule that was broken, for people} */
    public String rule() {
        return rule;
    }

    /**
     * {@inheritDoc}
     *
     * @param context the copy's context
     * @return a new {@code InvalidRequestException}
     */
    @Override
    protected InvalidRequestException copy(ErrorContext context) {
        return new InvalidRequestException(field, rule, context);
    }
}

package dev.chatdirectory.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatdirectory.InvalidRequestException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts on {@link InvalidRequestException}. */
public final class RequestAssertions {

    private RequestAssertions() {}

    /**
     * Asserts that the code throws {@link InvalidRequestException} naming the field, with a rule
     * containing the fragment.
     *
     * @return the exception, for further checks
     */
    public static InvalidRequestException assertInvalid(ThrowingCallable code, String field, String ruleFragment) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, code);
        assertThat(e).as("expected InvalidRequestException for %s", field).isNotNull();
        assertThat(e.field()).as("field of: %s", e.getMessage()).contains(field);
        assertThat(e.rule()).as("rule of: %s", e.getMessage()).contains(ruleFragment);
        assertThat(e.getMessage()).contains(field).contains(ruleFragment);
        return e;
    }

    /**
     * Asserts that the code throws {@link InvalidRequestException} naming exactly the field.
     *
     * @return the exception, for further checks
     */
    public static InvalidRequestException assertInvalidField(ThrowingCallable code, String field) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, code);
        assertThat(e).as("expected InvalidRequestException for %s", field).isNotNull();
        assertThat(e.field()).as("field of: %s", e.getMessage()).contains(field);
        return e;
    }
}

package dev.chatdirectory.testkit;

import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a user's {@link Presence}; obtain one with {@link
 * ChatDirectoryAssertions#assertThat(Presence)}.
 */
public class PresenceAssert extends AbstractAssert<PresenceAssert, Presence> {

    /**
     * Creates the assertion.
     *
     * @param actual the presence under test
     */
    public PresenceAssert(Presence actual) {
        super(actual, PresenceAssert.class);
    }

    /**
     * Verifies whose presence it is.
     *
     * @param userId the expected user
     * @return this assertion
     */
    public PresenceAssert isFor(String userId) {
        isNotNull();
        if (!actual.userId().equals(userId)) {
            failWithMessage("Expected the presence of <%s> but got that of <%s>", userId, actual.userId());
        }
        return this;
    }

    /**
     * Verifies the state is one of the given states.
     *
     * @param states the acceptable states
     * @return this assertion
     */
    public PresenceAssert hasStateIn(PresenceState... states) {
        isNotNull();
        List<PresenceState> accepted = Arrays.asList(states);
        if (!accepted.contains(actual.state())) {
            failWithMessage("Expected <%s> to be %s but was <%s>", actual.userId(), accepted, actual.state());
        }
        return this;
    }

    /** {@return this assertion, after verifying the user is online} */
    public PresenceAssert isOnline() {
        return hasStateIn(PresenceState.ONLINE);
    }

    /**
     * Verifies when the user was last active, to the second (vendors keep seconds).
     *
     * @param expected the expected time
     * @return this assertion
     */
    public PresenceAssert hasLastActiveAt(Instant expected) {
        isNotNull();
        if (actual.lastActiveAt().isEmpty()) {
            failWithMessage(
                    "Expected <%s> to have been last active at <%s> but no time is reported",
                    actual.userId(), expected);
        }
        Duration off = Duration.between(expected, actual.lastActiveAt().get()).abs();
        if (off.compareTo(Duration.ofSeconds(1)) >= 0) {
            failWithMessage(
                    "Expected <%s> to have been last active at <%s> but got <%s>",
                    actual.userId(), expected, actual.lastActiveAt().get());
        }
        return this;
    }

    /**
     * Verifies the observation time lies in an interval.
     *
     * @param notBefore the earliest acceptable time
     * @param notAfter the latest acceptable time
     * @return this assertion
     */
    public PresenceAssert wasObservedBetween(Instant notBefore, Instant notAfter) {
        isNotNull();
        if (actual.observedAt().isBefore(notBefore) || actual.observedAt().isAfter(notAfter)) {
            failWithMessage(
                    "Expected the presence of <%s> to be observed between <%s> and <%s> but it was at <%s>",
                    actual.userId(), notBefore, notAfter, actual.observedAt());
        }
        return this;
    }
}

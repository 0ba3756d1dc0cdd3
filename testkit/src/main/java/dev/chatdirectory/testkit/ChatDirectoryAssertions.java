package dev.chatdirectory.testkit;

import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.User;
import org.assertj.core.api.Assertions;

/**
 * AssertJ entry points for the ChatDirectory models, plus every entry point of {@link Assertions}
 * (this class extends it), so one static import serves both:
 *
 * <pre>{@code
 * import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
 *
 * assertThat(directory.users().get("zoe")).hasValueSatisfying(u -> assertThat(u).hasName("Zoë Ångström"));
 * assertThat(directory.members().add(group, specs)).hasOutcome("zoe", OutcomeStatus.APPLIED);
 * }</pre>
 */
public class ChatDirectoryAssertions extends Assertions {

    /** Allows subclasses that add entry points of their own. */
    protected ChatDirectoryAssertions() {}

    /**
     * Starts assertions on a user.
     *
     * @param actual the user
     * @return the assertion
     */
    public static UserAssert assertThat(User actual) {
        return new UserAssert(actual);
    }

    /**
     * Starts assertions on a group.
     *
     * @param actual the group
     * @return the assertion
     */
    public static GroupAssert assertThat(Group actual) {
        return new GroupAssert(actual);
    }

    /**
     * Starts assertions on the outcomes of a batch.
     *
     * @param actual the result
     * @return the assertion
     */
    public static BatchResultAssert assertThat(BatchResult actual) {
        return new BatchResultAssert(actual);
    }

    /**
     * Starts assertions on a page.
     *
     * @param actual the page
     * @param <T> the item type
     * @return the assertion
     */
    public static <T> PageAssert<T> assertThat(Page<T> actual) {
        return new PageAssert<>(actual);
    }

    /**
     * Starts assertions on a presence.
     *
     * @param actual the presence
     * @return the assertion
     */
    public static PresenceAssert assertThat(Presence actual) {
        return new PresenceAssert(actual);
    }
}

package dev.chatdirectory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.RateLimitedException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.User;
import dev.chatdirectory.testing.Descriptors;
import dev.chatdirectory.testing.RecordingDirectory;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GuardedChatDirectory around a directory of another provider")
class GuardedRelabelingTest {

    private static final IOException CAUSE = new IOException("socket closed");

    /** The directory of provider "inner" that fails every call it is asked, as its adapter would. */
    private static ChatDirectory failingInner() {
        ProviderDescriptor inner = Descriptors.descriptor("inner", Descriptors.all());
        return new ForwardingChatDirectory(new RecordingDirectory(inner)) {
            @Override
            public UserOperations users() {
                return new ForwardingUsers(super.users()) {
                    @Override
                    public Optional<User> get(String userId) {
                        throw new NotFoundException("no user " + userId, ErrorContext.of("inner", 404, "E404"), CAUSE);
                    }
                };
            }

            @Override
            public GroupOperations groups() {
                return new ForwardingGroups(super.groups()) {
                    @Override
                    public Page<Group> list(GroupQuery query) {
                        throw new RateLimitedException(
                                "slow down", ErrorContext.of("inner", 429, "E429"), Duration.ofSeconds(4));
                    }
                };
            }

            @Override
            public MemberOperations members() {
                return new ForwardingMembers(super.members()) {
                    @Override
                    public BatchResult add(String groupId, Collection<MemberSpec> members) {
                        throw new NotFoundException("no group " + groupId, ErrorContext.of("inner", 404, "E404"));
                    }
                };
            }
        };
    }

    private static ChatDirectory wrapper() {
        return GuardedChatDirectory.wrap(Descriptors.descriptor("wrapper", Descriptors.all()), failingInner());
    }

    @Test
    @DisplayName("reports the delegate's exception under the wrapper's id, with its cause, status and vendor code")
    void relabelsSingleCalls() {
        NotFoundException e = catchThrowableOfType(
                NotFoundException.class, () -> wrapper().users().get("bob"));

        assertThat(e.providerId()).contains("wrapper");
        assertThat(e.httpStatus()).hasValue(404);
        assertThat(e.vendorCode()).contains("E404");
        assertThat(e.getCause()).isSameAs(CAUSE);
        assertThat(e.getMessage()).startsWith("no user bob").doesNotContain("inner");
    }

    @Test
    @DisplayName("relabels streamed pages and batches too, keeping the details of the exception's type")
    void relabelsStreamsAndBatches() {
        RateLimitedException limited = catchThrowableOfType(
                RateLimitedException.class,
                () -> wrapper().groups().stream(GroupQuery.all()).toList());
        NotFoundException missing = catchThrowableOfType(
                NotFoundException.class, () -> wrapper().members().add("g1", List.of(MemberSpec.participant("bob"))));

        assertThat(limited.providerId()).contains("wrapper");
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(4));
        assertThat(missing.providerId()).contains("wrapper");
    }

    @Test
    @DisplayName("leaves its own validation errors as they were")
    void ownValidationUnchanged() {
        InvalidRequestException e = catchThrowableOfType(
                InvalidRequestException.class, () -> wrapper().users().get(""));

        assertThat(e.providerId()).isEmpty();
    }
}

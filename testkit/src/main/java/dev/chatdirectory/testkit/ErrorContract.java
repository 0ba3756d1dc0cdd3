package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.catchThrowable;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserUpdate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The error tests: typed exceptions naming the provider, empty lookups, operations on unknown groups. */
abstract class ErrorContract extends ContractSupport {

    ErrorContract(ChatDirectoryContract contract) {
        super(contract);
    }

    /** Verifies the call throws the given ChatDirectory exception, naming the provider. */
    private <T extends ChatDirectoryException> T assertFails(Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(type);
        T exception = type.cast(thrown);
        assertThat(exception.providerId()).as("provider named by %s", exception).contains(providerId());
        assertThat(exception.getMessage()).as("message of %s", exception).isNotBlank();
        return exception;
    }

    private void assertGroupNotFound(ThrowingCallable call) {
        assertFails(NotFoundException.class, call);
    }

    @Test
    @DisplayName("reading a user that does not exist gives an empty Optional")
    void getUnknownUser() {
        assertThat(users().get(unknownUserId())).isEmpty();
    }

    @Test
    @DisplayName("deleting a user that does not exist reports false")
    void deleteUnknownUser() {
        assertThat(users().delete(unknownUserId())).isFalse();
    }

    @Test
    @DisplayName("NotFoundException for an update of an unknown user names the provider")
    void updateUnknownUserNamesProvider() {
        assertFails(
                NotFoundException.class,
                () -> users().update(
                                unknownUserId(),
                                UserUpdate.builder().name("Ghost").build()));
    }

    @Test
    @DisplayName("AlreadyExistsException for a taken user id names the provider")
    void duplicateUserNamesProvider() {
        createUser("zoe");
        assertFails(
                AlreadyExistsException.class,
                () -> users().create(UserCreate.builder(data().id("zoe"), "Zoë").build()));
    }

    @Test
    @DisplayName("deactivating or reactivating a user that does not exist fails with NotFoundException")
    void deactivateUnknownUser() {
        requireCapability(Capability.USER_DEACTIVATION, () -> users().deactivate(unknownUserId()));
        assertFails(NotFoundException.class, () -> users().deactivate(unknownUserId()));
        assertFails(NotFoundException.class, () -> users().reactivate(unknownUserId()));
    }

    @Test
    @DisplayName("reading a group that does not exist gives an empty Optional")
    void getUnknownGroup() {
        assertThat(groups().get(unknownGroupId())).isEmpty();
    }

    @Test
    @DisplayName("adding, removing and listing members of a group that does not exist fail with NotFoundException")
    void memberOperationsOnUnknownGroup() {
        createUser("zoe");
        String group = unknownGroupId();
        assertGroupNotFound(() -> members().add(group, List.of(MemberSpec.participant(data().id("zoe")))));
        assertGroupNotFound(() -> members().remove(group, List.of(data().id("zoe"))));
        assertGroupNotFound(() -> members().list(group, MemberQuery.all()));
    }

    @Test
    @DisplayName("updating a group that does not exist fails with NotFoundException")
    void updateUnknownGroup() {
        String group = unknownGroupId();
        requireCapability(
                Capability.GROUP_UPDATE,
                () -> groups().update(group, GroupUpdate.builder().name("Ghost").build()));
        assertGroupNotFound(
                () -> groups().update(group, GroupUpdate.builder().name("Ghost").build()));
        assertThat(groups().get(group))
                .as("an update must not create the group")
                .isEmpty();
    }

    @Test
    @DisplayName("deleting a group that does not exist reports false")
    void deleteUnknownGroup() {
        requireCapability(Capability.GROUP_DELETE, () -> groups().delete(unknownGroupId()));
        assertThat(groups().delete(unknownGroupId())).isFalse();
    }

    @Test
    @DisplayName("changing a role in a group that does not exist fails with NotFoundException")
    void changeRoleInUnknownGroup() {
        createUser("zoe");
        requireCapability(
                Capability.MEMBER_ROLES,
                () -> members().changeRole(unknownGroupId(), data().id("zoe"), MemberRole.ADMIN));
        assertGroupNotFound(() -> members().changeRole(unknownGroupId(), data().id("zoe"), MemberRole.ADMIN));
    }

    @Test
    @DisplayName("banning, unbanning and listing bans in a group that does not exist fail with NotFoundException")
    void bansInUnknownGroup() {
        createUser("zoe");
        String group = unknownGroupId();
        requireCapability(Capability.MEMBER_BANS, () -> members().ban(group, List.of(data().id("zoe"))));
        assertGroupNotFound(() -> members().ban(group, List.of(data().id("zoe"))));
        assertGroupNotFound(() -> members().unban(group, List.of(data().id("zoe"))));
        assertGroupNotFound(() -> members().listBanned(group, PageRequest.first()));
    }

    @Test
    @DisplayName("transferring ownership of a group that does not exist fails with NotFoundException")
    void transferUnknownGroup() {
        createUser("zoe");
        requireCapability(
                Capability.GROUP_OWNER_TRANSFER, () -> groups().transferOwnership(unknownGroupId(), data().id("zoe")));
        assertGroupNotFound(() -> groups().transferOwnership(unknownGroupId(), data().id("zoe")));
    }

    @Test
    @DisplayName("a group whose owner does not exist is not created: NotFoundException names the provider")
    void groupWithUnknownOwner() {
        GroupType type = anyGroupType();
        requireCapability(
                Capability.GROUP_OWNER,
                () -> groups().create(GroupCreate.withoutId("Probe", type)
                        .password(type == GroupType.PASSWORD ? "probe-password" : null)
                        .ownerId(data().id("probe"))
                        .build()));
        GroupCreate.Builder request =
                GroupCreate.withoutId("Orphan " + data().scope(), type).ownerId(unknownUserId());
        if (type == GroupType.PASSWORD) {
            request.password(data().password("orphan"));
        }
        assertFails(NotFoundException.class, () -> groups().create(request.build()));
        if (supports(Capability.GROUP_LIST)) {
            assertThat(groups().stream(GroupQuery.all()))
                    .as("groups after a refused create")
                    .noneSatisfy(g -> assertThat(g.name()).isEqualTo("Orphan " + data().scope()));
        }
    }
}

package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chatdirectory.Capability;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("What Qiscus's server API cannot do is refused with UnsupportedCapabilityException, sending nothing")
class QiscusUnsupportedCapabilitiesTest extends QiscusEmulatorSupport {

    private String groupId;

    @BeforeEach
    void createUserAndGroup() {
        directory.users().create(UserCreate.builder("zoe", "Zoë").build());
        Group group = directory
                .groups()
                .create(GroupCreate.withoutId("Club", GroupType.PRIVATE)
                        .ownerId("zoe")
                        .build());
        groupId = group.id();
        emulator.setPresence("zoe", true, Instant.now());
        forgetRequests();
    }

    Stream<Arguments> unsupported() {
        return Stream.of(
                case_(
                        Capability.PRESENCE,
                        "presence of one user",
                        () -> directory.presence().get("zoe")),
                case_(
                        Capability.PRESENCE,
                        "presence of many users",
                        () -> directory.presence().get(List.of("zoe", "yamada"))),
                case_(
                        Capability.USER_LIST_DEACTIVATED,
                        "listing deactivated users",
                        () -> directory
                                .users()
                                .list(UserQuery.builder()
                                        .includeDeactivated(true)
                                        .build())),
                case_(
                        Capability.MEMBER_ROLES,
                        "adding an admin",
                        () -> directory.members().add(groupId, List.of(MemberSpec.of("zoe", MemberRole.ADMIN)))),
                case_(
                        Capability.MEMBER_ROLES,
                        "changing a role",
                        () -> directory.members().changeRole(groupId, "zoe", MemberRole.MODERATOR)),
                case_(
                        Capability.MEMBER_ROLES,
                        "listing members by role",
                        () -> directory.members().list(groupId, MemberQuery.withRole(MemberRole.ADMIN))),
                case_(
                        Capability.MEMBER_BANS,
                        "banning",
                        () -> directory.members().ban(groupId, List.of("zoe"))),
                case_(
                        Capability.MEMBER_BANS,
                        "unbanning",
                        () -> directory.members().unban(groupId, List.of("zoe"))),
                case_(
                        Capability.MEMBER_BANS,
                        "listing bans",
                        () -> directory.members().listBanned(groupId, PageRequest.first())),
                case_(
                        Capability.GROUP_DELETE,
                        "deleting a group",
                        () -> directory.groups().delete(groupId)),
                case_(
                        Capability.GROUP_LIST,
                        "listing groups",
                        () -> directory.groups().list(GroupQuery.all())),
                case_(
                        Capability.GROUP_OWNER_TRANSFER,
                        "transferring ownership",
                        () -> directory.groups().transferOwnership(groupId, "zoe")),
                case_(
                        Capability.GROUP_CLIENT_IDS,
                        "a client-chosen group id",
                        () -> directory
                                .groups()
                                .create(GroupCreate.builder("12345", "Mine", GroupType.PRIVATE)
                                        .build())),
                case_(
                        Capability.GROUP_TYPE_PUBLIC,
                        "a public group",
                        () -> directory
                                .groups()
                                .create(GroupCreate.withoutId("Open", GroupType.PUBLIC)
                                        .build())),
                case_(
                        Capability.GROUP_TYPE_PASSWORD,
                        "a password group",
                        () -> directory
                                .groups()
                                .create(GroupCreate.withoutId("Vault", GroupType.PASSWORD)
                                        .password("secret-pw")
                                        .build())),
                case_(
                        Capability.GROUP_DESCRIPTION,
                        "a group description",
                        () -> directory
                                .groups()
                                .update(
                                        groupId,
                                        GroupUpdate.builder()
                                                .description("about")
                                                .build())),
                case_(
                        Capability.USER_EMAIL,
                        "a user e-mail",
                        () -> directory
                                .users()
                                .create(UserCreate.builder("yamada", "山田")
                                        .email("y@example.com")
                                        .build())),
                case_(
                        Capability.USER_PROFILE_URL,
                        "a user profile URL",
                        () -> directory
                                .users()
                                .update(
                                        "zoe",
                                        UserUpdate.builder()
                                                .profileUrl("https://example.com/zoe")
                                                .build())),
                case_(
                        Capability.USER_ROLE,
                        "a user role",
                        () -> directory
                                .users()
                                .create(UserCreate.builder("yamada", "山田")
                                        .role("vip")
                                        .build())),
                case_(
                        Capability.USER_SEARCH,
                        "searching users",
                        () -> directory
                                .users()
                                .list(UserQuery.builder().search("zo").build())),
                case_(
                        Capability.USER_FILTER_BY_PRESENCE,
                        "filtering users by presence",
                        () -> directory
                                .users()
                                .list(UserQuery.builder()
                                        .presence(PresenceState.ONLINE)
                                        .build())));
    }

    private static Arguments case_(Capability capability, String what, ThrowingCallable call) {
        return Arguments.of(capability, what, call);
    }

    @ParameterizedTest(name = "{1} needs {0}")
    @MethodSource("unsupported")
    void refusedBeforeSending(Capability capability, String what, ThrowingCallable call) {
        assertThat(QiscusProvider.DESCRIPTOR.supports(capability)).isFalse();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as(what).isInstanceOf(UnsupportedCapabilityException.class);
        UnsupportedCapabilityException unsupported = (UnsupportedCapabilityException) thrown;
        assertThat(unsupported.capabilities()).contains(capability);
        assertThat(unsupported.providerId()).contains("qiscus");
        assertThat(requests()).as("requests that reached the emulator").isEmpty();
    }
}

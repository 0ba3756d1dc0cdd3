package dev.chatdirectory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatdirectory.Capabilities;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.testing.Descriptors;
import dev.chatdirectory.testing.RecordingDirectory;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that {@link Capabilities} and {@link GuardedChatDirectory} agree: for every field of every
 * request type, the guard refuses exactly the capabilities the table names, and needs nothing more.
 */
@DisplayName("the capability table and the guard")
class CapabilityTableTest {

    /**
     * One request that sets the named fields, the capabilities the table must name for it, and the
     * guarded operation that takes it.
     */
    record Case(
            Class<? extends Record> type,
            List<String> fields,
            Record request,
            Set<Capability> expected,
            Consumer<ChatDirectory> call) {

        @Override
        public String toString() {
            return type.getSimpleName() + " " + fields + " needs " + expected;
        }
    }

    private static Case user(List<String> fields, UserCreate.Builder request, Capability... expected) {
        UserCreate r = request.build();
        return new Case(
                UserCreate.class, fields, r, set(expected), d -> d.users().create(r));
    }

    private static Case userUpdate(List<String> fields, UserUpdate.Builder update, Capability... expected) {
        UserUpdate u = update.build();
        return new Case(
                UserUpdate.class, fields, u, set(expected), d -> d.users().update("alice", u));
    }

    private static Case userQuery(List<String> fields, UserQuery.Builder query, Capability... expected) {
        UserQuery q = query.build();
        return new Case(
                UserQuery.class, fields, q, set(expected), d -> d.users().list(q));
    }

    private static Case group(List<String> fields, GroupCreate.Builder request, Capability... expected) {
        GroupCreate r = request.build();
        return new Case(
                GroupCreate.class, fields, r, set(expected), d -> d.groups().create(r));
    }

    private static Case groupUpdate(List<String> fields, GroupUpdate.Builder update, Capability... expected) {
        GroupUpdate u = update.build();
        return new Case(
                GroupUpdate.class, fields, u, set(expected), d -> d.groups().update("g-1", u));
    }

    private static Case groupQuery(List<String> fields, GroupQuery.Builder query, Capability... expected) {
        GroupQuery q = query.build();
        return new Case(
                GroupQuery.class, fields, q, set(expected), d -> d.groups().list(q));
    }

    private static Case member(List<String> fields, MemberSpec spec, Capability... expected) {
        return new Case(
                MemberSpec.class, fields, spec, set(expected), d -> d.members().add("g-1", List.of(spec)));
    }

    private static Case memberQuery(List<String> fields, MemberQuery query, Capability... expected) {
        return new Case(
                MemberQuery.class,
                fields,
                query,
                set(expected),
                d -> d.members().list("g-1", query));
    }

    private static Set<Capability> set(Capability... capabilities) {
        return capabilities.length == 0 ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(List.of(capabilities));
    }

    private static UserCreate.Builder alice() {
        return UserCreate.builder("alice", "Alice");
    }

    private static GroupCreate.Builder team() {
        return GroupCreate.withoutId("Team", GroupType.PUBLIC);
    }

    static Stream<Case> cases() {
        return Stream.of(
                user(List.of("id", "name"), alice()),
                user(List.of("avatarUrl"), alice().avatarUrl("https://example.com/a.png"), Capability.USER_AVATAR),
                user(List.of("profileUrl"), alice().profileUrl("https://example.com/a"), Capability.USER_PROFILE_URL),
                user(List.of("email"), alice().email("a@example.com"), Capability.USER_EMAIL),
                user(List.of("role"), alice().role("vip"), Capability.USER_ROLE),
                user(List.of("metadata"), alice().metadata(Map.of("k", 1)), Capability.USER_METADATA),
                userUpdate(List.of("name"), UserUpdate.builder().name("Al")),
                userUpdate(
                        List.of("avatarUrl"),
                        UserUpdate.builder().avatarUrl("https://example.com/a.png"),
                        Capability.USER_AVATAR),
                userUpdate(List.of("avatarUrl"), UserUpdate.builder().clearAvatarUrl(), Capability.USER_AVATAR),
                userUpdate(
                        List.of("profileUrl"),
                        UserUpdate.builder().profileUrl("https://example.com/a"),
                        Capability.USER_PROFILE_URL),
                userUpdate(List.of("profileUrl"), UserUpdate.builder().clearProfileUrl(), Capability.USER_PROFILE_URL),
                userUpdate(List.of("email"), UserUpdate.builder().email("a@example.com"), Capability.USER_EMAIL),
                userUpdate(List.of("email"), UserUpdate.builder().clearEmail(), Capability.USER_EMAIL),
                userUpdate(List.of("role"), UserUpdate.builder().role("vip"), Capability.USER_ROLE),
                userUpdate(List.of("role"), UserUpdate.builder().clearRole(), Capability.USER_ROLE),
                userUpdate(
                        List.of("metadata"), UserUpdate.builder().metadata(Map.of("k", 1)), Capability.USER_METADATA),
                userUpdate(List.of("metadata"), UserUpdate.builder().clearMetadata(), Capability.USER_METADATA),
                userQuery(
                        List.of("pageSize", "cursor"),
                        UserQuery.builder().pageSize(5).cursor("c")),
                userQuery(List.of("search"), UserQuery.builder().search("al"), Capability.USER_SEARCH),
                userQuery(List.of("role"), UserQuery.builder().role("vip"), Capability.USER_FILTER_BY_ROLE),
                userQuery(
                        List.of("presence"),
                        UserQuery.builder().presence(PresenceState.ONLINE),
                        Capability.USER_FILTER_BY_PRESENCE),
                userQuery(
                        List.of("includeDeactivated"),
                        UserQuery.builder().includeDeactivated(true),
                        Capability.USER_LIST_DEACTIVATED),
                group(List.of("name", "type"), team(), Capability.GROUP_TYPE_PUBLIC),
                group(
                        List.of("type", "password"),
                        GroupCreate.withoutId("Team", GroupType.PASSWORD).password("s3cret-pw"),
                        Capability.GROUP_TYPE_PASSWORD),
                group(List.of("type"), GroupCreate.withoutId("Team", GroupType.PRIVATE), Capability.GROUP_TYPE_PRIVATE),
                group(
                        List.of("id"),
                        GroupCreate.builder("g-1", "Team", GroupType.PUBLIC),
                        Capability.GROUP_CLIENT_IDS,
                        Capability.GROUP_TYPE_PUBLIC),
                group(
                        List.of("description"),
                        team().description("About"),
                        Capability.GROUP_TYPE_PUBLIC,
                        Capability.GROUP_DESCRIPTION),
                group(
                        List.of("iconUrl"),
                        team().iconUrl("https://example.com/i.png"),
                        Capability.GROUP_TYPE_PUBLIC,
                        Capability.GROUP_ICON),
                group(
                        List.of("ownerId"),
                        team().ownerId("alice"),
                        Capability.GROUP_TYPE_PUBLIC,
                        Capability.GROUP_OWNER),
                group(
                        List.of("metadata"),
                        team().metadata(Map.of("k", 1)),
                        Capability.GROUP_TYPE_PUBLIC,
                        Capability.GROUP_METADATA),
                groupUpdate(List.of("name"), GroupUpdate.builder().name("Hall"), Capability.GROUP_UPDATE),
                groupUpdate(
                        List.of("type"),
                        GroupUpdate.builder().type(GroupType.PRIVATE),
                        Capability.GROUP_UPDATE,
                        Capability.GROUP_TYPE_PRIVATE),
                groupUpdate(
                        List.of("type", "password"),
                        GroupUpdate.builder().type(GroupType.PASSWORD).password("s3cret-pw"),
                        Capability.GROUP_UPDATE,
                        Capability.GROUP_TYPE_PASSWORD),
                groupUpdate(List.of("password"), GroupUpdate.builder().password("s3cret-pw"), Capability.GROUP_UPDATE),
                groupUpdate(
                        List.of("description"),
                        GroupUpdate.builder().description("About"),
                        Capability.GROUP_UPDATE,
                        Capability.GROUP_DESCRIPTION),
                groupUpdate(
                        List.of("description"),
                        GroupUpdate.builder().clearDescription(),
                        Capability.GROUP_UPDATE,
                        Capability.GROUP_DESCRIPTION),
                groupUpdate(
                        List.of("iconUrl"),
                        GroupUpdate.builder().iconUrl("https://example.com/i.png"),
                        Capability.GROUP_UPDATE,
                        Capability.GROUP_ICON),
                groupUpdate(
                        List.of("iconUrl"),
                        GroupUpdate.builder().clearIconUrl(),
                        Capability.GROUP_UPDATE,
                        Capability.GROUP_ICON),
                groupUpdate(
                        List.of("metadata"),
                        GroupUpdate.builder().metadata(Map.of("k", 1)),
                        Capability.GROUP_UPDATE,
                        Capability.GROUP_METADATA),
                groupUpdate(
                        List.of("metadata"),
                        GroupUpdate.builder().clearMetadata(),
                        Capability.GROUP_UPDATE,
                        Capability.GROUP_METADATA),
                groupQuery(
                        List.of("type", "pageSize", "cursor"),
                        GroupQuery.builder().type(GroupType.PRIVATE).pageSize(5).cursor("c"),
                        Capability.GROUP_LIST),
                groupQuery(
                        List.of("search"),
                        GroupQuery.builder().search("te"),
                        Capability.GROUP_LIST,
                        Capability.GROUP_SEARCH),
                member(List.of("userId", "role"), MemberSpec.participant("alice")),
                member(List.of("role"), MemberSpec.of("alice", MemberRole.MODERATOR), Capability.MEMBER_ROLES),
                member(List.of("role"), MemberSpec.of("alice", MemberRole.ADMIN), Capability.MEMBER_ROLES),
                memberQuery(
                        List.of("pageSize", "cursor"),
                        new MemberQuery(Optional.empty(), OptionalInt.of(5), Optional.of("c"))),
                memberQuery(List.of("role"), MemberQuery.withRole(MemberRole.ADMIN), Capability.MEMBER_ROLES));
    }

    /** The table's answer for any request type it covers. */
    private static Set<Capability> table(Record request) {
        if (request instanceof UserCreate r) {
            return Capabilities.requiredBy(r);
        } else if (request instanceof UserUpdate u) {
            return Capabilities.requiredBy(u);
        } else if (request instanceof UserQuery q) {
            return Capabilities.requiredBy(q);
        } else if (request instanceof GroupCreate r) {
            return Capabilities.requiredBy(r);
        } else if (request instanceof GroupUpdate u) {
            return Capabilities.requiredBy(u);
        } else if (request instanceof GroupQuery q) {
            return Capabilities.requiredBy(q);
        } else if (request instanceof MemberSpec m) {
            return Capabilities.requiredBy(m);
        } else if (request instanceof MemberQuery q) {
            return Capabilities.requiredBy(q);
        }
        throw new IllegalArgumentException("no table entry for " + request.getClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("the table names what each field needs")
    void tableNamesWhatTheFieldNeeds(Case c) {
        assertThat(table(c.request())).containsExactlyElementsOf(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("the guard refuses each capability the table names, alone, and sends nothing")
    void guardRefusesEachNamedCapability(Case c) {
        for (Capability capability : table(c.request())) {
            ProviderDescriptor descriptor = Descriptors.descriptor("fake", Descriptors.allBut(capability));
            RecordingDirectory delegate = new RecordingDirectory(descriptor);

            UnsupportedCapabilityException thrown = catchThrowableOfType(
                    UnsupportedCapabilityException.class,
                    () -> c.call().accept(GuardedChatDirectory.wrap(descriptor, delegate)));

            assertThat(thrown).as("refusal without %s", capability).isNotNull();
            assertThat(thrown.capabilities()).containsExactly(capability);
            assertThat(delegate.calls()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("the guard passes the request on to a provider with exactly the capabilities the table names")
    void guardNeedsNothingMore(Case c) {
        ProviderDescriptor descriptor = Descriptors.descriptor("fake", table(c.request()));
        RecordingDirectory delegate = new RecordingDirectory(descriptor);

        c.call().accept(GuardedChatDirectory.wrap(descriptor, delegate));

        assertThat(delegate.calls()).hasSize(1);
    }

    @Test
    @DisplayName("the guard names every missing capability of a request at once")
    void guardNamesAllMissing() {
        ProviderDescriptor descriptor = Descriptors.descriptor("fake", Set.of(Capability.GROUP_TYPE_PUBLIC));
        RecordingDirectory delegate = new RecordingDirectory(descriptor);
        GroupCreate request =
                team().description("About").iconUrl("https://example.com/i.png").build();

        UnsupportedCapabilityException thrown = catchThrowableOfType(
                UnsupportedCapabilityException.class,
                () -> GuardedChatDirectory.wrap(descriptor, delegate).groups().create(request));

        assertThat(thrown.capabilities()).containsExactly(Capability.GROUP_DESCRIPTION, Capability.GROUP_ICON);
        assertThat(delegate.calls()).isEmpty();
    }

    @Test
    @DisplayName("the cases cover every field of every request type the table answers for")
    void everyFieldCovered() {
        Map<Class<? extends Record>, Set<String>> covered = cases().collect(Collectors.groupingBy(
                Case::type, Collectors.flatMapping(c -> c.fields().stream(), Collectors.toSet())));

        assertThat(covered.keySet())
                .containsExactlyInAnyOrder(
                        UserCreate.class,
                        UserUpdate.class,
                        UserQuery.class,
                        GroupCreate.class,
                        GroupUpdate.class,
                        GroupQuery.class,
                        MemberSpec.class,
                        MemberQuery.class);
        covered.forEach((type, fields) -> assertThat(fields)
                .as("fields of %s with a case", type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList()));
    }
}

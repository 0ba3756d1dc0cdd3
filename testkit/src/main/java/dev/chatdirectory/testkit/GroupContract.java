package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;
import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThatThrownBy;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.Capabilities;
import dev.chatdirectory.Capability;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The group tests: every type, ids, fields, owner, update, delete, transfer, list and search. */
abstract class GroupContract extends ContractSupport {

    GroupContract(ChatDirectoryContract contract) {
        super(contract);
    }

    private Group get(String id) {
        return groups().get(id).orElseThrow(() -> new AssertionError("group " + id + " not found"));
    }

    private void requireType(GroupType type) {
        requireCapability(
                type.capability(), () -> groups().create(probeGroup(type).build()));
    }

    /**
     * A probe that creates a group with one optional field, refused when the provider lacks the
     * capability {@link Capabilities} says the field needs.
     */
    private void requireGroupField(UnaryOperator<GroupCreate.Builder> field) {
        GroupType type = anyGroupType();
        GroupCreate plain = probeGroup(type).build();
        GroupCreate probe = field.apply(probeGroup(type)).build();
        requireCapability(
                addedBy(Capabilities.requiredBy(plain), Capabilities.requiredBy(probe)), () -> groups().create(probe));
    }

    private static GroupCreate.Builder probeGroup(GroupType type) {
        GroupCreate.Builder b = GroupCreate.withoutId("Probe", type);
        if (type == GroupType.PASSWORD) {
            b.password("probe-password");
        }
        return b;
    }

    private void requireUpdate() {
        requireCapability(
                Capability.GROUP_UPDATE,
                () -> groups().update(
                                unknownGroupId(),
                                GroupUpdate.builder().name("Probe").build()));
    }

    private void requireList() {
        requireCapability(Capability.GROUP_LIST, () -> groups().list(GroupQuery.all()));
    }

    /** Creates the first canonical group of a supported type, with every supported field. */
    private Group createRichGroup() {
        anyGroupType();
        String key = CanonicalDataSet.groupKeys().stream()
                .filter(k -> data().group(k, provider()).isPresent())
                .findFirst()
                .orElseThrow();
        return createCanonicalGroup(key);
    }

    private Group assertCanonicalGroupRoundTrips(String key) {
        GroupCreate request = data().group(key, provider()).orElseThrow();
        Group created = createCanonicalGroup(key);
        assertThat(created).matches(request);
        assertThat(get(created.id())).matches(request).hasSameContentAs(created);
        return created;
    }

    @Test
    @DisplayName("a public group is created and read back")
    void publicGroup() {
        requireType(GroupType.PUBLIC);
        assertCanonicalGroupRoundTrips("cafe");
    }

    @Test
    @DisplayName("a password group is created and read back, and its password is never exposed")
    void passwordGroup() {
        requireType(GroupType.PASSWORD);
        Group created = assertCanonicalGroupRoundTrips("vault");
        String password = data().password("vault");
        assertThat(created).doesNotExpose(password);
        assertThat(get(created.id())).doesNotExpose(password);
        if (supports(Capability.GROUP_LIST)) {
            assertThat(groups().stream(GroupQuery.builder()
                                    .type(GroupType.PASSWORD)
                                    .build())
                            .filter(g -> g.id().equals(created.id())))
                    .singleElement()
                    .satisfies(g -> assertThat(g).doesNotExpose(password));
        }
    }

    @Test
    @DisplayName("a private group is created and read back")
    void privateGroup() {
        requireType(GroupType.PRIVATE);
        assertCanonicalGroupRoundTrips("yamada");
    }

    @Test
    @DisplayName("every canonical group of a supported type round-trips with its non-ASCII name and fields")
    void canonicalGroupsRoundTrip() {
        anyGroupType();
        List<String> keys = CanonicalDataSet.groupKeys().stream()
                .filter(k -> data().group(k, provider()).isPresent())
                .toList();
        assertThat(keys).isNotEmpty();
        keys.forEach(key -> assertCanonicalGroupRoundTrips(key));
    }

    @Test
    @DisplayName("a group gets the client's id with GROUP_CLIENT_IDS, otherwise a distinct id the provider assigns")
    void groupIds() {
        Group first = createGroup("alpha");
        Group second = createGroup("beta");
        if (supports(Capability.GROUP_CLIENT_IDS)) {
            assertThat(first).hasId(data().id("alpha"));
            assertThat(second).hasId(data().id("beta"));
        } else {
            assertThat(first.id()).isNotBlank().isNotEqualTo(second.id());
            assertThat(provider().groupIds().accepts(first.id()))
                    .as("assigned id %s accepted by %s", first.id(), provider().groupIds())
                    .isTrue();
        }
        assertThat(get(first.id())).hasSameContentAs(first);
        assertThat(get(second.id())).hasSameContentAs(second);
    }

    @Test
    @DisplayName("a client-chosen id is kept, and a second create with it fails with AlreadyExistsException")
    void clientIdsAreKeptAndUnique() {
        requireCapability(
                Capability.GROUP_CLIENT_IDS,
                () -> groups().create(GroupCreate.builder(data().id("probe"), "Probe", GroupType.PUBLIC)
                        .build()));
        GroupType type = anyGroupType();
        Group created = createGroup("alpha");
        assertThat(created).hasId(data().id("alpha"));
        assertThatThrownBy(() -> groups().create(groupRequestWithId(created.id(), "Impostor", type)
                        .build()))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(get(created.id())).hasSameContentAs(created);
    }

    @Test
    @DisplayName("the description is stored")
    void descriptionIsStored() {
        requireGroupField(b -> b.description("probe"));
        Group group = createRichGroup();
        assertThat(get(group.id()))
                .hasDescription(data().group(key(group)).description().orElseThrow());
    }

    @Test
    @DisplayName("the icon URL is stored")
    void iconIsStored() {
        requireGroupField(b -> b.iconUrl("https://example.com/probe.svg"));
        Group group = createRichGroup();
        assertThat(get(group.id()))
                .hasIconUrl(data().group(key(group)).iconUrl().orElseThrow());
    }

    @Test
    @DisplayName("metadata with nested values and non-ASCII text round-trips unchanged")
    void metadataIsStored() {
        requireGroupField(b -> b.metadata(Map.of("k", 1)));
        Map<String, Object> metadata =
                Map.of("emoji", "☕🚀", "nested", Map.of("list", List.of(1, 2.5, true, "ü")), "count", 3);
        GroupCreate request = groupRequest("Méta ☕", "meta", anyGroupType())
                .metadata(metadata)
                .build();
        Group created = groups().create(request);
        assertThat(created).hasMetadata(metadata);
        assertThat(get(created.id())).hasMetadata(metadata);
    }

    @Test
    @DisplayName("the owner set at creation is stored")
    void ownerIsStored() {
        requireGroupField(b -> b.ownerId(data().id("probe")));
        Group group = createRichGroup();
        assertThat(get(group.id())).hasOwner(data().group(key(group)).ownerId().orElseThrow());
    }

    @Test
    @DisplayName("the owner set at creation is a member of the group, an admin where members have roles")
    void ownerIsAMember() {
        requireGroupField(b -> b.ownerId(data().id("probe")));
        Group group = createRichGroup();
        String owner = data().group(key(group)).ownerId().orElseThrow();
        List<Member> members = members().stream(group.id(), MemberQuery.all()).toList();
        assertThat(members).extracting(Member::userId).contains(owner);
        if (supports(Capability.MEMBER_ROLES)) {
            assertThat(members)
                    .filteredOn(m -> m.userId().equals(owner))
                    .extracting(Member::role)
                    .containsExactly(MemberRole.ADMIN);
        }
    }

    private String key(Group group) {
        return CanonicalDataSet.groupKeys().stream()
                .filter(k -> data().group(k).name().equals(group.name()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("an update that sets only the name leaves every other field unchanged")
    void updateIsAPatch() {
        requireUpdate();
        Group original = createRichGroup();
        Group updated = groups().update(
                        original.id(),
                        GroupUpdate.builder().name("Nouveau nom ✓ 新しい").build());
        Group expected = original.toBuilder().name("Nouveau nom ✓ 新しい").build();
        assertThat(updated).hasSameContentAs(expected);
        assertThat(get(original.id())).hasSameContentAs(expected);
    }

    @Test
    @DisplayName("clearing the description removes it and leaves the other fields unchanged")
    void clearDescription() {
        requireUpdate();
        requireGroupField(b -> b.description("probe"));
        Group original = createRichGroup();
        groups().update(original.id(), GroupUpdate.builder().clearDescription().build());
        assertThat(get(original.id()))
                .hasNoDescription()
                .hasSameContentAs(original.toBuilder().description(null).build());
    }

    @Test
    @DisplayName("clearing the icon URL removes it and leaves the other fields unchanged")
    void clearIcon() {
        requireUpdate();
        requireGroupField(b -> b.iconUrl("https://example.com/probe.svg"));
        Group original = createRichGroup();
        groups().update(original.id(), GroupUpdate.builder().clearIconUrl().build());
        assertThat(get(original.id()))
                .hasNoIconUrl()
                .hasSameContentAs(original.toBuilder().iconUrl(null).build());
    }

    @Test
    @DisplayName("setting metadata replaces the whole map instead of merging into it")
    void metadataUpdateReplaces() {
        requireUpdate();
        requireGroupField(b -> b.metadata(Map.of("k", 1)));
        Group original = createRichGroup();
        Map<String, Object> replacement = Map.of("only", "this");
        groups().update(
                        original.id(),
                        GroupUpdate.builder().metadata(replacement).build());
        assertThat(get(original.id()))
                .hasMetadata(replacement)
                .hasSameContentAs(original.toBuilder().metadata(replacement).build());
    }

    @Test
    @DisplayName("the type of a group can be changed from public to private")
    void typeChange() {
        requireUpdate();
        requireType(GroupType.PUBLIC);
        requireType(GroupType.PRIVATE);
        Group original = createCanonicalGroup("cafe");
        groups().update(
                        original.id(),
                        GroupUpdate.builder().type(GroupType.PRIVATE).build());
        assertThat(get(original.id()))
                .hasType(GroupType.PRIVATE)
                .hasSameContentAs(original.toBuilder().type(GroupType.PRIVATE).build());
    }

    @Test
    @DisplayName("delete is idempotent: true when it deleted the group, false afterwards; the group is gone")
    void deleteIsIdempotent() {
        requireCapability(Capability.GROUP_DELETE, () -> groups().delete(unknownGroupId()));
        Group group = createGroup("alpha");
        Group other = createGroup("beta");
        assertThat(groups().delete(group.id())).isTrue();
        assertThat(groups().delete(group.id())).isFalse();
        assertThat(groups().get(group.id())).isEmpty();
        assertThat(get(other.id())).hasSameContentAs(other);
    }

    @Test
    @DisplayName("a deleted group takes its memberships with it: member operations on it fail with NotFoundException")
    void deleteRemovesMemberships() {
        requireCapability(Capability.GROUP_DELETE, () -> groups().delete(unknownGroupId()));
        Group group = createGroup("alpha");
        createUser("zoe");
        members().add(group.id(), List.of(MemberSpec.participant(data().id("zoe"))));
        groups().delete(group.id());
        assertThatThrownBy(() -> members().list(group.id(), MemberQuery.all())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> members().add(group.id(), List.of(MemberSpec.participant(data().id("zoe")))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("ownership transfer makes the new owner the owner and an admin member")
    void ownershipTransfer() {
        requireCapability(
                Capability.GROUP_OWNER_TRANSFER,
                () -> groups().transferOwnership(unknownGroupId(), data().id("probe")));
        Group group = createRichGroup();
        createUser("heir");
        Group transferred = groups().transferOwnership(group.id(), data().id("heir"));
        assertThat(transferred).hasOwner(data().id("heir")).hasName(group.name());
        assertThat(get(group.id())).hasOwner(data().id("heir"));
        List<Member> members = members().stream(group.id(), MemberQuery.all()).toList();
        assertThat(members).extracting(Member::userId).contains(data().id("heir"));
        if (supports(Capability.MEMBER_ROLES)) {
            assertThat(members)
                    .filteredOn(m -> m.userId().equals(data().id("heir")))
                    .extracting(Member::role)
                    .containsExactly(MemberRole.ADMIN);
        }
    }

    @Test
    @DisplayName("ownership transfer to a user that does not exist fails with NotFoundException")
    void ownershipTransferToUnknownUser() {
        requireCapability(
                Capability.GROUP_OWNER_TRANSFER,
                () -> groups().transferOwnership(unknownGroupId(), data().id("probe")));
        Group group = createRichGroup();
        assertThatThrownBy(() -> groups().transferOwnership(group.id(), unknownUserId()))
                .isInstanceOf(NotFoundException.class);
        assertThat(get(group.id())).hasSameContentAs(group);
    }

    @Test
    @DisplayName("the listing includes every created group")
    void listingIncludesCreatedGroups() {
        requireList();
        List<String> ids = List.of(
                createGroup("alpha").id(),
                createGroup("beta").id(),
                createGroup("gamma").id());
        assertThat(groups().stream(GroupQuery.all()).map(Group::id)).containsAll(ids);
    }

    @Test
    @DisplayName("filtering by type lists only groups of that type")
    void filterByType() {
        requireList();
        anyGroupType();
        List<Group> created = CanonicalDataSet.groupKeys().stream()
                .filter(k -> data().group(k, provider()).isPresent())
                .map(this::createCanonicalGroup)
                .toList();
        for (GroupType type : GroupType.values()) {
            if (!supports(type.capability())) {
                continue;
            }
            List<Group> listed =
                    groups().stream(GroupQuery.builder().type(type).build()).toList();
            assertThat(listed).allSatisfy(g -> assertThat(g).hasType(type));
            assertThat(listed)
                    .extracting(Group::id)
                    .containsAll(created.stream()
                            .filter(g -> g.type() == type)
                            .map(Group::id)
                            .toList());
        }
    }

    @Test
    @DisplayName("search by a non-ASCII name prefix finds exactly the matching groups")
    void searchByName() {
        requireList();
        requireCapability(
                Capability.GROUP_SEARCH,
                () -> groups().list(GroupQuery.builder().search("probe").build()));
        GroupType type = anyGroupType();
        String prefix = "Ünïque " + data().scope();
        Group match = groups().create(groupRequest(prefix + " Α", "alpha", type).build());
        Group other = groups().create(
                        groupRequest("Other " + data().scope(), "beta", type).build());
        List<Group> found =
                groups().stream(GroupQuery.builder().search(prefix).build()).toList();
        assertThat(found).extracting(Group::id).contains(match.id()).doesNotContain(other.id());
        assertThat(found)
                .allSatisfy(g -> assertThat(
                                g.name().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))
                                        || g.id().startsWith(prefix))
                        .as("name or id of %s starts with %s", g.id(), prefix)
                        .isTrue());
    }

    @Test
    @DisplayName("search by a client-chosen id prefix finds the matching groups")
    void searchById() {
        requireList();
        requireCapability(
                Capability.GROUP_SEARCH,
                () -> groups().list(GroupQuery.builder().search("probe").build()));
        GroupType type = anyGroupType();
        requireCapability(
                Capability.GROUP_CLIENT_IDS,
                () -> groups().create(groupRequestWithId(data().id("probe"), "Probe", type)
                        .build()));
        createGroup("alpha");
        createGroup("alpine");
        createGroup("beta");
        List<String> found = groups().stream(
                        GroupQuery.builder().search(data().id("alp")).build())
                .map(Group::id)
                .toList();
        assertThat(found).contains(data().id("alpha"), data().id("alpine")).doesNotContain(data().id("beta"));
    }

    /** A group request with the key's id when the provider takes client ids, and a password when the type needs one. */
    private GroupCreate.Builder groupRequest(String name, String key, GroupType type) {
        GroupCreate.Builder b = supports(Capability.GROUP_CLIENT_IDS)
                ? GroupCreate.builder(data().id(key), name, type)
                : GroupCreate.withoutId(name, type);
        return withPasswordIfNeeded(b, type);
    }

    /** A group request with a given id, and a password when the type needs one. */
    private GroupCreate.Builder groupRequestWithId(String id, String name, GroupType type) {
        return withPasswordIfNeeded(GroupCreate.builder(id, name, type), type);
    }

    private GroupCreate.Builder withPasswordIfNeeded(GroupCreate.Builder builder, GroupType type) {
        return type == GroupType.PASSWORD ? builder.password(data().password("any")) : builder;
    }
}

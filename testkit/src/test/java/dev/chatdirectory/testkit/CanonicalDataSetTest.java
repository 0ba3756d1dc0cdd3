package dev.chatdirectory.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the canonical data set")
class CanonicalDataSetTest {

    private static final CanonicalDataSet LONGEST_SCOPE = CanonicalDataSet.withScope("a".repeat(16));

    private static ProviderDescriptor descriptor(Set<Capability> capabilities) {
        return ProviderDescriptor.builder("fake")
                .displayName("Fake")
                .capabilities(capabilities)
                .limits(ProviderLimits.builder()
                        .defaultPageSize(10)
                        .maxBatchSize(50)
                        .maxNameLength(100)
                        .maxMetadataBytes(4096)
                        .build())
                .build();
    }

    private static List<String> everyId(CanonicalDataSet data) {
        List<String> ids = new ArrayList<>();
        data.users().forEach(u -> ids.add(u.id()));
        data.groups().forEach(g -> ids.add(g.id().orElseThrow()));
        CanonicalDataSet.groupKeys().forEach(k -> data.members(k).forEach(m -> ids.add(m.userId())));
        data.groups().forEach(g -> g.ownerId().ifPresent(ids::add));
        return ids;
    }

    @Test
    @DisplayName("has only ids of the strictest vendor alphabet, at most 50 characters, even in the longest scope")
    void idsFitTheStrictestRule() {
        for (CanonicalDataSet data : List.of(LONGEST_SCOPE, CanonicalDataSet.withRandomScope())) {
            assertThat(everyId(data))
                    .isNotEmpty()
                    .allSatisfy(id ->
                            assertThat(id).matches(CanonicalDataSet.ID_PATTERN).hasSizeLessThanOrEqualTo(50));
        }
        assertThat(LONGEST_SCOPE.id("x".repeat(32))).hasSizeLessThanOrEqualTo(CanonicalDataSet.MAX_ID_LENGTH);
    }

    @Test
    @DisplayName("draws a different random scope each time, starting with a letter")
    void randomScopes() {
        String first = CanonicalDataSet.randomScope();
        assertThat(first).matches("[a-z][a-z0-9]{7}");
        assertThat(Stream.generate(CanonicalDataSet::randomScope).limit(50)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("rejects scopes and keys outside the id alphabet")
    void rejectsBadScopesAndKeys() {
        assertThatThrownBy(() -> CanonicalDataSet.withScope("Upper")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalDataSet.withScope("a".repeat(17)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LONGEST_SCOPE.id("with space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LONGEST_SCOPE.user("nobody"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("zoe");
    }

    @Test
    @DisplayName("has users with accented, CJK, Cyrillic, Arabic, Greek, Devanagari and emoji names")
    void nonAsciiNames() {
        List<String> names =
                LONGEST_SCOPE.users().stream().map(UserCreate::name).toList();
        assertThat(names)
                .contains("Zoë Ångström", "山田太郎", "Đorđe Petrović", "Мария Иванова", "أميرة حداد", "Ελένη Παπαδοπούλου")
                .anySatisfy(n -> assertThat(n.codePoints().anyMatch(Character::isSupplementaryCodePoint))
                        .isTrue())
                .anySatisfy(n -> assertThat(n).contains("\u200d"));
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    @DisplayName("has metadata with nested maps, lists, integers, longs, decimals and booleans")
    void richMetadata() {
        Map<String, Object> zoe = LONGEST_SCOPE.user("zoe").metadata();
        assertThat(zoe.values())
                .hasAtLeastOneElementOfType(Map.class)
                .hasAtLeastOneElementOfType(List.class)
                .hasAtLeastOneElementOfType(Integer.class)
                .hasAtLeastOneElementOfType(Long.class)
                .hasAtLeastOneElementOfType(Double.class)
                .hasAtLeastOneElementOfType(Boolean.class);
    }

    @Test
    @DisplayName("has three groups of every type, each with an admin, and members of every role")
    void groupsAndMembers() {
        List<GroupCreate> groups = LONGEST_SCOPE.groups();
        for (GroupType type : GroupType.values()) {
            assertThat(groups).filteredOn(g -> g.type() == type).hasSize(3);
        }
        assertThat(groups)
                .filteredOn(g -> g.type() == GroupType.PASSWORD)
                .allSatisfy(g -> assertThat(g.password()).isPresent())
                .allSatisfy(g ->
                        assertThat(g.toString()).doesNotContain(g.password().orElseThrow()));
        for (String key : CanonicalDataSet.groupKeys()) {
            assertThat(LONGEST_SCOPE.members(key)).extracting(MemberSpec::role).contains(MemberRole.ADMIN);
        }
        assertThat(LONGEST_SCOPE.members("cafe"))
                .hasSizeGreaterThanOrEqualTo(7)
                .extracting(MemberSpec::role)
                .contains(MemberRole.values());
    }

    @Test
    @DisplayName("has deactivated users who are members somewhere, but neither owners nor banned")
    void deactivatedUsers() {
        List<String> keys = CanonicalDataSet.deactivatedUserKeys();
        assertThat(keys)
                .isNotEmpty()
                .allSatisfy(k -> assertThat(CanonicalDataSet.userKeys()).contains(k));
        List<String> ids = keys.stream().map(LONGEST_SCOPE::id).toList();
        List<String> members = new ArrayList<>();
        List<String> banned = new ArrayList<>();
        for (String group : CanonicalDataSet.groupKeys()) {
            LONGEST_SCOPE.members(group).forEach(m -> members.add(m.userId()));
            LONGEST_SCOPE.banned(group).forEach(m -> banned.add(m.userId()));
        }
        assertThat(members).containsAll(ids);
        assertThat(banned).doesNotContainAnyElementsOf(ids);
        assertThat(LONGEST_SCOPE.groups())
                .allSatisfy(g -> assertThat(ids).doesNotContain(g.ownerId().orElseThrow()));
    }

    @Test
    @DisplayName("bans members of their group, not its owner, with their roles as former roles")
    void bans() {
        assertThat(LONGEST_SCOPE.banned("cafe"))
                .containsExactly(
                        MemberSpec.of(LONGEST_SCOPE.id("yamada"), MemberRole.MODERATOR),
                        MemberSpec.participant(LONGEST_SCOPE.id("amira")));
        for (String key : CanonicalDataSet.groupKeys()) {
            GroupCreate group = LONGEST_SCOPE.group(key);
            assertThat(LONGEST_SCOPE.banned(key))
                    .allSatisfy(b -> assertThat(LONGEST_SCOPE.members(key)).contains(b))
                    .allSatisfy(b ->
                            assertThat(b.userId()).isNotEqualTo(group.ownerId().orElseThrow()));
        }
        assertThat(LONGEST_SCOPE.banned("tokyo")).isEmpty();
        assertThat(LONGEST_SCOPE.banned("cafe", descriptor(Set.of())))
                .extracting(MemberSpec::role)
                .containsOnly(MemberRole.PARTICIPANT);
        assertThatThrownBy(() -> LONGEST_SCOPE.banned("nowhere")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    @DisplayName("leaves out what a provider without optional capabilities cannot take")
    void adaptsToAMinimalProvider() {
        ProviderDescriptor minimal = descriptor(Set.of(Capability.GROUP_TYPE_PRIVATE));
        assertThat(LONGEST_SCOPE.users(minimal)).allSatisfy(u -> {
            assertThat(u.avatarUrl()).isEmpty();
            assertThat(u.profileUrl()).isEmpty();
            assertThat(u.email()).isEmpty();
            assertThat(u.role()).isEmpty();
            assertThat(u.metadata()).isEmpty();
        });
        assertThat(LONGEST_SCOPE.groups(minimal)).hasSize(3).allSatisfy(g -> {
            assertThat(g.type()).isEqualTo(GroupType.PRIVATE);
            assertThat(g.id()).as("id left to the provider").isEmpty();
            assertThat(g.ownerId()).isEmpty();
            assertThat(g.description()).isEmpty();
            assertThat(g.metadata()).isEmpty();
        });
        assertThat(LONGEST_SCOPE.group("cafe", minimal)).isEmpty();
        assertThat(LONGEST_SCOPE.members("cafe", minimal))
                .extracting(MemberSpec::role)
                .containsOnly(MemberRole.PARTICIPANT);
    }

    @Test
    @DisplayName("keeps everything for a provider with every capability")
    void keepsEverythingForAFullProvider() {
        ProviderDescriptor full = descriptor(EnumSet.allOf(Capability.class));
        assertThat(LONGEST_SCOPE.users(full)).isEqualTo(LONGEST_SCOPE.users());
        assertThat(LONGEST_SCOPE.groups(full)).isEqualTo(LONGEST_SCOPE.groups());
        assertThat(LONGEST_SCOPE.members("cafe", full)).isEqualTo(LONGEST_SCOPE.members("cafe"));
        assertThat(LONGEST_SCOPE.user("zoe").avatarUrl()).isPresent();
    }
}

package dev.chatdirectory.testkit;

import static dev.chatdirectory.testkit.ChatDirectoryAssertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.spi.IdRule;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The validation tests: every invalid request is refused with {@link
 * dev.chatdirectory.InvalidRequestException} naming the field, and nothing reaches the server.
 */
abstract class ValidationContract extends ContractSupport {

    private static final List<String> BAD_URLS =
            List.of("not a url", "ftp://example.com/a.png", "/relative/a.png", "https://", "javascript:alert(1)");
    private static final List<String> BAD_EMAILS = List.of(
            "plainaddress",
            "@example.com",
            "zoe@",
            "zoe@example",
            "zo e@example.com",
            "zoe@@example.com",
            "a\u0000@b.c",
            "a\u0007@b.c");

    /**
     * Unpaired high and low surrogates, NUL, BEL, DEL and NEL (a C1 control): characters that
     * reached vendors altered, or came back unchecked, in an adversarial run over loopback.
     */
    private static final List<String> WIRE_UNSAFE = List.of("\uD800", "\uDC00", "\u0000", "\u0007", "\u007F", "\u0085");

    ValidationContract(ChatDirectoryContract contract) {
        super(contract);
    }

    /** Returns ids the rule rejects: too long always, plus common alphabet violations it rejects. */
    private static List<String> rejectedBy(IdRule rule) {
        List<String> candidates = List.of(
                "x".repeat(rule.maxLength() + 1),
                "Upper Case",
                "with space",
                "slash/inside",
                "question?mark",
                "ünïcödé",
                "emoji🚀",
                "at@sign",
                "dot.inside");
        List<String> rejected =
                candidates.stream().filter(id -> !rule.accepts(id)).toList();
        assertThat(rejected).as("ids rejected by %s", rule).isNotEmpty();
        return rejected;
    }

    /** Returns metadata of {@code size} entries {@code "k<i>": i}, generated as they are read. */
    private static Map<String, Object> generatedMetadata(int size) {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Object>> iterator() {
                        return IntStream.range(0, size)
                                .mapToObj(i -> Map.entry("k" + i, (Object) i))
                                .iterator();
                    }

                    @Override
                    public int size() {
                        return size;
                    }
                };
            }
        };
    }

    /** Returns metadata nested {@code levels} maps deep. */
    private static Map<String, Object> nestedMetadata(int levels) {
        Map<String, Object> value = Map.of("leaf", "v");
        for (int i = 1; i < levels; i++) {
            value = Map.of("k", value);
        }
        return value;
    }

    /** Verifies that user and group creates and updates refuse the name, naming name, with nothing sent. */
    private void assertNameRefused(String bad) {
        assertInvalid(
                "name",
                () -> users().create(UserCreate.builder(data().id("zoe"), bad).build()));
        assertInvalid(
                "name",
                () -> users().update(
                                data().id("zoe"), UserUpdate.builder().name(bad).build()));
        assertInvalid(
                "name",
                () -> groups().create(
                                GroupCreate.withoutId(bad, GroupType.PUBLIC).build()));
        assertInvalid(
                "name",
                () -> groups().update(
                                data().id("cafe"),
                                GroupUpdate.builder().name(bad).build()));
    }

    /** Verifies that user creates and updates and group creates refuse the metadata, naming it, with nothing sent. */
    private void assertMetadataRefused(Map<String, Object> bad) {
        assertInvalid(
                "metadata",
                () -> users().create(UserCreate.builder(data().id("zoe"), "Zoë")
                        .metadata(bad)
                        .build()));
        assertInvalid(
                "metadata",
                () -> users().update(
                                data().id("zoe"),
                                UserUpdate.builder().metadata(bad).build()));
        assertInvalid(
                "metadata",
                () -> groups().create(GroupCreate.withoutId("Café", GroupType.PUBLIC)
                        .metadata(bad)
                        .build()));
    }

    /** Returns whether an id passes the provider-neutral checks of the request records. */
    private static boolean wellFormed(String id) {
        return id.length() <= 255
                && id.strip().equals(id)
                && !id.isBlank()
                && id.chars().noneMatch(Character::isISOControl);
    }

    @Test
    @DisplayName("user ids the provider's id rule rejects are refused, naming userId")
    void userIdsFollowTheRule() {
        for (String bad : rejectedBy(provider().userIds())) {
            assertInvalid(
                    "userId",
                    () -> users().create(UserCreate.builder(bad, "Bad").build()));
            assertInvalid("userId", () -> users().get(bad));
            assertInvalid(
                    "userId",
                    () -> users().update(bad, UserUpdate.builder().name("Bad").build()));
            assertInvalid("userId", () -> users().delete(bad));
        }
    }

    @Test
    @DisplayName(
            "user ids that are blank, padded with whitespace or hold control characters cannot be created, naming userId")
    void userIdsAreWellFormed() {
        for (String bad : List.of("", "   ", " zoe", "zoe ", "zo\u0000e", "zo\ne")) {
            assertInvalid(
                    "userId",
                    () -> users().create(UserCreate.builder(bad, "Bad").build()));
            if (!provider().userIds().accepts(bad)) {
                assertInvalid("userId", () -> users().get(bad));
            }
        }
    }

    @Test
    @DisplayName(
            "ids with an unpaired surrogate or a control character are refused by every operation, naming the field")
    void wireUnsafeIds() {
        String group = unknownGroupId();
        for (String unsafe : WIRE_UNSAFE) {
            String bad = "zo" + unsafe + "e";
            assertInvalid(
                    "userId",
                    () -> users().create(UserCreate.builder(bad, "Bad").build()));
            assertInvalid("userId", () -> users().get(bad));
            assertInvalid(
                    "userId",
                    () -> users().update(bad, UserUpdate.builder().name("Bad").build()));
            assertInvalid("userId", () -> users().delete(bad));
            assertInvalid("groupId", () -> groups().get(bad));
            assertInvalid("groupId", () -> members().list(bad, MemberQuery.all()));
            assertInvalid("userIds", () -> members().remove(group, List.of(bad)));
            assertInvalid("userId", () -> members().add(group, List.of(MemberSpec.participant(bad))));
            if (supports(Capability.PRESENCE)) {
                assertInvalid("userIds", () -> presence().get(List.of(bad)));
            }
            if (supports(Capability.MEMBER_BANS)) {
                assertInvalid("userIds", () -> members().ban(group, List.of(bad)));
            }
        }
    }

    @Test
    @DisplayName(
            "names with an unpaired surrogate, a control character or surrounding whitespace are refused, naming name")
    void wireUnsafeNames() {
        List<String> names = new ArrayList<>(List.of(" Zoë", "Zoë "));
        WIRE_UNSAFE.forEach(unsafe -> names.add("Zo" + unsafe + "ë"));
        names.forEach(this::assertNameRefused);
        assertThat(users().get(data().id("zoe"))).isEmpty();
    }

    @Test
    @DisplayName("descriptions with a control character other than tab and line breaks are refused, naming description")
    void wireUnsafeDescriptions() {
        for (String unsafe : WIRE_UNSAFE) {
            assertInvalid(
                    "description",
                    () -> groups().create(GroupCreate.withoutId("Café", GroupType.PUBLIC)
                            .description("about" + unsafe + "us")
                            .build()));
            assertInvalid(
                    "description",
                    () -> groups().update(
                                    data().id("cafe"),
                                    GroupUpdate.builder()
                                            .description("about" + unsafe + "us")
                                            .build()));
        }
    }

    @Test
    @DisplayName("metadata of 1,000,000 keys or 10,000 levels is refused, naming metadata")
    void hugeMetadata() {
        List.of(generatedMetadata(1_000_000), nestedMetadata(10_000)).forEach(this::assertMetadataRefused);
    }

    @Test
    @DisplayName("group ids the provider's id rule rejects are refused, naming groupId")
    void groupIdsFollowTheRule() {
        createUser("zoe");
        for (String bad : rejectedBy(provider().groupIds())) {
            assertInvalid("groupId", () -> groups().get(bad));
            assertInvalid("groupId", () -> members().list(bad, MemberQuery.all()));
            assertInvalid("groupId", () -> members().add(bad, List.of(MemberSpec.participant(data().id("zoe")))));
            assertInvalid("groupId", () -> members().remove(bad, List.of(data().id("zoe"))));
            if (supports(Capability.GROUP_CLIENT_IDS) && supports(Capability.GROUP_TYPE_PUBLIC) && wellFormed(bad)) {
                GroupType type = GroupType.PUBLIC;
                assertInvalid(
                        "groupId",
                        () -> groups().create(
                                        GroupCreate.builder(bad, "Bad", type).build()));
            }
        }
    }

    @Test
    @DisplayName("member ids the provider's id rule rejects are refused, naming the field")
    void memberIdsFollowTheRule() {
        String group = unknownGroupId();
        for (String bad : rejectedBy(provider().userIds())) {
            assertInvalid("userIds", () -> members().remove(group, List.of(data().id("zoe"), bad)));
            if (wellFormed(bad)) {
                assertInvalid("members", () -> members().add(group, List.of(MemberSpec.participant(bad))));
            }
        }
    }

    @Test
    @DisplayName("blank names are refused, naming name")
    void blankNames() {
        List.of("", "   ", "\t").forEach(this::assertNameRefused);
        assertThat(users().get(data().id("zoe"))).isEmpty();
    }

    @Test
    @DisplayName("names longer than the provider allows are refused before sending, naming name")
    void longNames() {
        String tooLong = "é".repeat(provider().limits().maxNameLength() + 1);
        assertInvalid(
                "name",
                () -> users().create(
                                UserCreate.builder(data().id("zoe"), tooLong).build()));
        createUser("yamada");
        assertInvalid(
                "name",
                () -> users().update(
                                data().id("yamada"),
                                UserUpdate.builder().name(tooLong).build()));
        assertThat(users().get(data().id("zoe"))).isEmpty();
    }

    @Test
    @DisplayName("malformed or non-http URLs are refused, naming the field")
    void badUrls() {
        for (String bad : BAD_URLS) {
            assertInvalid(
                    "avatarUrl",
                    () -> users().create(UserCreate.builder(data().id("zoe"), "Zoë")
                            .avatarUrl(bad)
                            .build()));
            assertInvalid(
                    "profileUrl",
                    () -> users().create(UserCreate.builder(data().id("zoe"), "Zoë")
                            .profileUrl(bad)
                            .build()));
            assertInvalid(
                    "avatarUrl",
                    () -> users().update(
                                    data().id("zoe"),
                                    UserUpdate.builder().avatarUrl(bad).build()));
            assertInvalid(
                    "iconUrl",
                    () -> groups().create(GroupCreate.withoutId("Café", GroupType.PUBLIC)
                            .iconUrl(bad)
                            .build()));
            assertInvalid(
                    "iconUrl",
                    () -> groups().update(
                                    data().id("cafe"),
                                    GroupUpdate.builder().iconUrl(bad).build()));
        }
    }

    @Test
    @DisplayName("malformed e-mail addresses are refused, naming email")
    void badEmails() {
        for (String bad : BAD_EMAILS) {
            assertInvalid(
                    "email",
                    () -> users().create(UserCreate.builder(data().id("zoe"), "Zoë")
                            .email(bad)
                            .build()));
            assertInvalid(
                    "email",
                    () -> users().update(
                                    data().id("zoe"),
                                    UserUpdate.builder().email(bad).build()));
        }
    }

    @Test
    @DisplayName("metadata with null, non-JSON or malformed UTF-16 values is refused, naming the offending key")
    void badMetadata() {
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("nickname", null);
        Map<String, Object> nestedNull = new HashMap<>();
        nestedNull.put("inner", null);
        Map<String, Object> nested = Map.of("outer", nestedNull);
        Map<String, Object> notJson = Map.of("when", new Object());
        Map<String, Object> notFinite = Map.of("ratio", Double.NaN);
        Map<String, Object> unpairedSurrogate = Map.of("nickname", "Zo\uD800ë");
        List.of(nullValue, nested, notJson, notFinite, unpairedSurrogate).forEach(this::assertMetadataRefused);
        assertThat(assertInvalid(
                                "metadata",
                                () -> UserCreate.builder(data().id("zoe"), "Zoë")
                                        .metadata(nested)
                                        .build())
                        .field())
                .as("the field names the nested key")
                .hasValue("metadata.outer.inner");
    }

    @Test
    @DisplayName("metadata larger than the provider allows is refused before sending, naming metadata")
    void largeMetadata() {
        requireCapability(
                Capability.USER_METADATA,
                () -> users().create(UserCreate.builder(data().id("probe"), "Probe")
                        .metadata(Map.of("k", 1))
                        .build()));
        int limit = provider().limits().maxMetadataBytes();
        Map<String, Object> big = Map.of("blob", "x".repeat(limit + 1));
        assertInvalid(
                "metadata",
                () -> users().create(UserCreate.builder(data().id("zoe"), "Zoë")
                        .metadata(big)
                        .build()));
        createUser("yamada");
        assertInvalid(
                "metadata",
                () -> users().update(
                                data().id("yamada"),
                                UserUpdate.builder().metadata(big).build()));
        assertThat(users().get(data().id("zoe"))).isEmpty();
    }

    @Test
    @DisplayName("duplicate user ids in a batch are refused, naming the field")
    void duplicatesInBatches() {
        String group = unknownGroupId();
        String zoe = data().id("zoe");
        assertInvalid(
                "members",
                () -> members().add(group, List.of(MemberSpec.participant(zoe), MemberSpec.participant(zoe))));
        assertInvalid("userIds", () -> members().remove(group, List.of(zoe, data().id("yamada"), zoe)));
        if (supports(Capability.PRESENCE)) {
            assertInvalid("userIds", () -> presence().get(List.of(zoe, zoe)));
        }
        if (supports(Capability.MEMBER_BANS)) {
            assertInvalid("userIds", () -> members().ban(group, List.of(zoe, zoe)));
            assertInvalid("userIds", () -> members().unban(group, List.of(zoe, zoe)));
        }
    }

    @Test
    @DisplayName("an update that changes nothing is refused, naming update")
    void emptyUpdates() {
        createUser("zoe");
        assertInvalid(
                "update",
                () -> users().update(data().id("zoe"), UserUpdate.builder().build()));
        assertInvalid(
                "update",
                () -> groups().update(data().id("cafe"), GroupUpdate.builder().build()));
    }

    @Test
    @DisplayName("a page size below one is refused, naming pageSize")
    void pageSizeBelowOne() {
        assertInvalid("pageSize", () -> users().list(UserQuery.all().withPageSize(0)));
        assertInvalid("pageSize", () -> members().list(unknownGroupId(), MemberQuery.pageSize(0)));
        assertInvalid("pageSize", () -> groups().list(GroupQuery.all().withPageSize(-1)));
        assertInvalid("pageSize", () -> members().listBanned(unknownGroupId(), PageRequest.ofSize(0)));
    }

    @Test
    @DisplayName("a password is required for password groups and refused for the other types")
    void passwords() {
        assertInvalid(
                "password",
                () -> groups().create(GroupCreate.withoutId("Vault", GroupType.PASSWORD)
                        .build()));
        assertInvalid(
                "password",
                () -> groups().create(GroupCreate.withoutId("Vault", GroupType.PASSWORD)
                        .password("")
                        .build()));
        assertInvalid(
                "password",
                () -> groups().create(GroupCreate.withoutId("Café", GroupType.PUBLIC)
                        .password("pw")
                        .build()));
        assertInvalid(
                "password",
                () -> groups().update(
                                data().id("cafe"),
                                GroupUpdate.builder().type(GroupType.PASSWORD).build()));
    }

    @Test
    @DisplayName("null requests, queries and id lists are refused, naming them")
    void nulls() {
        String zoe = data().id("zoe");
        String group = unknownGroupId();
        assertInvalid("request", () -> users().create(null));
        assertInvalid("update", () -> users().update(zoe, null));
        assertInvalid("query", () -> users().list(null));
        assertInvalid("request", () -> groups().create(null));
        assertInvalid("members", () -> members().add(group, null));
        assertInvalid("userIds", () -> members().remove(group, null));
        assertInvalid("query", () -> members().list(group, null));
        List<String> withNull = new ArrayList<>();
        withNull.add(zoe);
        withNull.add(null);
        assertInvalid("userIds", () -> members().remove(group, withNull));
        Map<String, Object> blankKey = new LinkedHashMap<>();
        blankKey.put(" ", "blank key");
        assertInvalid(
                "metadata",
                () -> UserCreate.builder(zoe, "Zoë").metadata(blankKey).build());
    }
}

package dev.chatdirectory.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.testkit.ReliabilitySection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Seeded fuzzing of every input of the public API, for one provider's directory pointed at a
 * recording WireMock server (its emulator).
 *
 * <ul>
 *   <li>Invalid ids, names, URLs, e-mail addresses, metadata, page sizes, search texts and forged
 *       cursors fail with {@link InvalidRequestException} naming the field, and no request reaches
 *       the server. Invalid settings and credentials fail with {@link ConfigurationException}
 *       naming the setting. No other exception is allowed.
 *   <li>Valid but tricky values ({@link FuzzValues#trickyText}) reach the endpoint that addresses
 *       the user, encoded, and read back equal.
 * </ul>
 *
 * <p>Subclass it in the adapter's test sources and implement {@link #backend()}; the tests are
 * inherited. Sizes and seed come from {@link FuzzRun}. Operations the provider does not support are
 * left out (the contract kit checks that they send nothing), so an {@code
 * UnsupportedCapabilityException} never hides a missed validation. After the run, the figures go
 * to the reliability section {@code 30-bad-input-<provider>.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputFuzz {

    private static final String USER = "u1";
    private static final String GROUP = "1001";
    private static final String REFUSED = "refused naming the field, nothing sent";
    /** One accepted configuration in this many is opened: opening builds the directory's object graph. */
    private static final int OPEN_SHARE = 100;

    private final Tally tally = new Tally();
    private final List<String> leftOut = new ArrayList<>();
    private BadInputBackend backend;
    private ChatDirectory directory;

    /** Creates the tests. */
    protected BadInputFuzz() {}

    /**
     * Starts the vendor the tests run against, once per test class.
     *
     * @return the backend, whose resources are closed after the tests
     */
    protected abstract BadInputBackend backend();

    @BeforeAll
    void openDirectory() {
        backend = backend();
        directory = backend.open(backend.config());
    }

    @AfterAll
    void closeAndReport() throws Exception {
        try {
            if (directory != null) {
                directory.close();
            }
        } finally {
            if (backend != null) {
                for (AutoCloseable resource : backend.resources()) {
                    resource.close();
                }
            }
        }
        if (directory != null) {
            writeSection();
        }
    }

    private ProviderDescriptor descriptor() {
        return directory.provider();
    }

    private boolean supports(Capability capability) {
        return capability == null || descriptor().supports(capability);
    }

    /** A value passed to a directory, and what to do with it. */
    private record Input(Object value, Consumer<ChatDirectory> action) {}

    /** An operation taking one generated value, the field it must name (a regular expression), and the capability it needs. */
    private record Call(String operation, String field, Capability needs, Function<SplittableRandom, Input> input) {}

    private static <T> Call call(
            String operation,
            String field,
            Capability needs,
            Function<SplittableRandom, T> values,
            BiConsumer<ChatDirectory, T> action) {
        return new Call(operation, field, needs, random -> {
            T value = values.apply(random);
            return new Input(value, d -> action.accept(d, value));
        });
    }

    /** A kind of input and the operations taking it. */
    private record Kind(String name, List<Call> calls) {}

    // ---------------------------------------------------------------- invalid input

    /**
     * {@return per kind of input, one test per operation, together {@link FuzzRun#cases()} cases
     * of the kind}
     */
    @TestFactory
    @DisplayName("invalid input is refused with InvalidRequestException naming the field, and nothing is sent")
    Stream<DynamicContainer> invalidInputIsRefusedUnsent() {
        int cases = FuzzRun.cases();
        return kinds().stream().map(kind -> {
            List<Call> supported = new ArrayList<>();
            for (Call call : kind.calls()) {
                if (supports(call.needs())) {
                    supported.add(call);
                } else {
                    leftOut.add(call.operation() + " (" + call.needs() + ")");
                }
            }
            int each = (cases + supported.size() - 1) / supported.size();
            return DynamicContainer.dynamicContainer(
                    kind.name(),
                    supported.stream()
                            .map(call -> DynamicTest.dynamicTest(
                                    call.operation() + ", " + each + " cases",
                                    () -> refuseAll(kind.name(), call, each))));
        });
    }

    private void refuseAll(String kind, Call call, int cases) {
        backend.server().resetRequests();
        countingDefects(
                kind,
                () -> FuzzRun.forEachCase(kind + " " + call.operation(), cases, random -> {
                    Input input = call.input().apply(random);
                    Throwable thrown = catchThrowable(() -> input.action().accept(directory));
                    assertRefused(thrown, call.field(), call.operation() + "(" + FuzzRun.show(input.value()) + ")");
                    tally.add(kind, REFUSED);
                }));
    }

    private void countingDefects(String row, Runnable cases) {
        try {
            cases.run();
        } catch (AssertionError e) {
            tally.add(row, "defects");
            throw e;
        }
    }

    private void assertRefused(Throwable thrown, String field, String what) {
        assertThat(thrown).as(what).isInstanceOf(InvalidRequestException.class);
        InvalidRequestException e = (InvalidRequestException) thrown;
        assertThat(e.field())
                .as("the field named by %s for %s", e, what)
                .hasValueSatisfying(f -> assertThat(f).matches(field));
        assertThat(e.getMessage()).as(what).contains(e.field().orElseThrow());
        assertNothingSent(what);
    }

    private void assertNothingSent(String what) {
        assertThat(backend.server().getAllServeEvents())
                .as("requests sent for %s", what)
                .isEmpty();
    }

    private List<Kind> kinds() {
        IdRule userIds = descriptor().userIds();
        IdRule groupIds = descriptor().groupIds();
        Function<SplittableRandom, String> badUserId = random -> badId(random, userIds);
        Function<SplittableRandom, String> badGroupId = random -> badId(random, groupIds);
        int maxName = descriptor().limits().maxNameLength();
        Function<SplittableRandom, String> badName = random ->
                random.nextInt(3) == 0 ? FuzzValues.longerThan(random, maxName) : FuzzValues.invalidIdOrName(random);
        int maxPage = descriptor().limits().maxPageSize();
        Function<SplittableRandom, Integer> badPage = random -> FuzzValues.invalidPageSize(random, maxPage);
        // not null: a null search or role means no filter, which is valid
        Function<SplittableRandom, String> badText = random -> FuzzValues.invalidText(random, FuzzValues.MAX_TEXT);
        Function<SplittableRandom, String> badUrl = FuzzValues::invalidUrl;
        Function<SplittableRandom, String> badEmail = FuzzValues::invalidEmail;
        Function<SplittableRandom, Map<String, Object>> badMetadata = FuzzValues::invalidMetadata;
        GroupType type = anyGroupType();
        return List.of(
                new Kind(
                        "user ids",
                        List.of(
                                call(
                                        "users.create",
                                        "userId",
                                        null,
                                        badUserId,
                                        (d, id) -> d.users()
                                                .create(UserCreate.builder(id, "Name")
                                                        .build())),
                                call(
                                        "users.get",
                                        "userId",
                                        null,
                                        badUserId,
                                        (d, id) -> d.users().get(id)),
                                call(
                                        "users.update",
                                        "userId",
                                        null,
                                        badUserId,
                                        (d, id) -> d.users()
                                                .update(
                                                        id,
                                                        UserUpdate.builder()
                                                                .name("Name")
                                                                .build())),
                                call(
                                        "users.delete",
                                        "userId",
                                        null,
                                        badUserId,
                                        (d, id) -> d.users().delete(id)),
                                call(
                                        "users.deactivate",
                                        "userId",
                                        Capability.USER_DEACTIVATION,
                                        badUserId,
                                        (d, id) -> d.users().deactivate(id)),
                                call(
                                        "users.reactivate",
                                        "userId",
                                        Capability.USER_DEACTIVATION,
                                        badUserId,
                                        (d, id) -> d.users().reactivate(id)),
                                call(
                                        "presence.get",
                                        "userIds",
                                        Capability.PRESENCE,
                                        badUserId,
                                        (d, id) -> d.presence().get(Collections.singletonList(id))),
                                call(
                                        "groups.listForMember",
                                        "userId",
                                        Capability.GROUPS_OF_MEMBER,
                                        badUserId,
                                        (d, id) -> d.groups().listForMember(id, PageRequest.first())),
                                call(
                                        "groups.transferOwnership",
                                        "newOwnerId",
                                        Capability.GROUP_OWNER_TRANSFER,
                                        badUserId,
                                        (d, id) -> d.groups().transferOwnership(GROUP, id)),
                                call(
                                        "members.add",
                                        "(members\\.)?userId",
                                        null,
                                        badUserId,
                                        (d, id) -> d.members()
                                                .add(GROUP, Collections.singletonList(MemberSpec.participant(id)))),
                                call(
                                        "members.remove",
                                        "userIds",
                                        null,
                                        badUserId,
                                        (d, id) -> d.members().remove(GROUP, Collections.singletonList(id))),
                                call(
                                        "members.changeRole",
                                        "userId",
                                        Capability.MEMBER_ROLES,
                                        badUserId,
                                        (d, id) -> d.members().changeRole(GROUP, id, MemberRole.ADMIN)),
                                call(
                                        "members.ban",
                                        "userIds",
                                        Capability.MEMBER_BANS,
                                        badUserId,
                                        (d, id) -> d.members().ban(GROUP, Collections.singletonList(id))),
                                call(
                                        "members.unban",
                                        "userIds",
                                        Capability.MEMBER_BANS,
                                        badUserId,
                                        (d, id) -> d.members().unban(GROUP, Collections.singletonList(id))))),
                new Kind(
                        "group ids",
                        List.of(
                                call(
                                        "groups.create",
                                        "groupId",
                                        Capability.GROUP_CLIENT_IDS,
                                        badGroupId,
                                        (d, id) -> d.groups()
                                                .create(GroupCreate.builder(id, "Name", type)
                                                        .build())),
                                call(
                                        "groups.get",
                                        "groupId",
                                        null,
                                        badGroupId,
                                        (d, id) -> d.groups().get(id)),
                                call(
                                        "groups.update",
                                        "groupId",
                                        Capability.GROUP_UPDATE,
                                        badGroupId,
                                        (d, id) -> d.groups()
                                                .update(
                                                        id,
                                                        GroupUpdate.builder()
                                                                .name("Name")
                                                                .build())),
                                call(
                                        "groups.delete",
                                        "groupId",
                                        Capability.GROUP_DELETE,
                                        badGroupId,
                                        (d, id) -> d.groups().delete(id)),
                                call(
                                        "members.add",
                                        "groupId",
                                        null,
                                        badGroupId,
                                        (d, id) -> d.members().add(id, List.of(MemberSpec.participant(USER)))),
                                call(
                                        "members.remove",
                                        "groupId",
                                        null,
                                        badGroupId,
                                        (d, id) -> d.members().remove(id, List.of(USER))),
                                call(
                                        "members.list",
                                        "groupId",
                                        null,
                                        badGroupId,
                                        (d, id) -> d.members().list(id, MemberQuery.all())),
                                call(
                                        "members.listBanned",
                                        "groupId",
                                        Capability.MEMBER_BANS,
                                        badGroupId,
                                        (d, id) -> d.members().listBanned(id, PageRequest.first())))),
                new Kind(
                        "names",
                        List.of(
                                call(
                                        "users.create",
                                        "name",
                                        null,
                                        badName,
                                        (d, name) -> d.users()
                                                .create(UserCreate.builder(USER, name)
                                                        .build())),
                                call(
                                        "users.update",
                                        "name",
                                        null,
                                        badName,
                                        (d, name) -> d.users()
                                                .update(
                                                        USER,
                                                        UserUpdate.builder()
                                                                .name(name)
                                                                .build())),
                                call(
                                        "groups.create",
                                        "name",
                                        null,
                                        badName,
                                        (d, name) -> d.groups()
                                                .create(GroupCreate.withoutId(name, type)
                                                        .build())),
                                call(
                                        "groups.update",
                                        "name",
                                        Capability.GROUP_UPDATE,
                                        badName,
                                        (d, name) -> d.groups()
                                                .update(
                                                        GROUP,
                                                        GroupUpdate.builder()
                                                                .name(name)
                                                                .build())))),
                // a URL is checked whatever the provider supports: the request refuses it first
                new Kind(
                        "URLs",
                        List.of(
                                call(
                                        "users.create avatarUrl",
                                        "avatarUrl",
                                        null,
                                        badUrl,
                                        (d, url) -> d.users()
                                                .create(UserCreate.builder(USER, "Name")
                                                        .avatarUrl(url)
                                                        .build())),
                                call(
                                        "users.create profileUrl",
                                        "profileUrl",
                                        null,
                                        badUrl,
                                        (d, url) -> d.users()
                                                .create(UserCreate.builder(USER, "Name")
                                                        .profileUrl(url)
                                                        .build())),
                                call(
                                        "users.update avatarUrl",
                                        "avatarUrl",
                                        null,
                                        badUrl,
                                        (d, url) -> d.users()
                                                .update(
                                                        USER,
                                                        UserUpdate.builder()
                                                                .avatarUrl(url)
                                                                .build())),
                                call(
                                        "users.update profileUrl",
                                        "profileUrl",
                                        null,
                                        badUrl,
                                        (d, url) -> d.users()
                                                .update(
                                                        USER,
                                                        UserUpdate.builder()
                                                                .profileUrl(url)
                                                                .build())),
                                call(
                                        "groups.create iconUrl",
                                        "iconUrl",
                                        null,
                                        badUrl,
                                        (d, url) -> d.groups()
                                                .create(GroupCreate.withoutId("Name", type)
                                                        .iconUrl(url)
                                                        .build())),
                                call(
                                        "groups.update iconUrl",
                                        "iconUrl",
                                        null,
                                        badUrl,
                                        (d, url) -> d.groups()
                                                .update(
                                                        GROUP,
                                                        GroupUpdate.builder()
                                                                .iconUrl(url)
                                                                .build())))),
                new Kind(
                        "e-mail addresses",
                        List.of(
                                call(
                                        "users.create",
                                        "email",
                                        null,
                                        badEmail,
                                        (d, email) -> d.users()
                                                .create(UserCreate.builder(USER, "Name")
                                                        .email(email)
                                                        .build())),
                                call(
                                        "users.update",
                                        "email",
                                        null,
                                        badEmail,
                                        (d, email) -> d.users()
                                                .update(
                                                        USER,
                                                        UserUpdate.builder()
                                                                .email(email)
                                                                .build())))),
                // the field names the offending entry, e.g. metadata.key or metadata[0]
                new Kind(
                        "metadata",
                        List.of(
                                call(
                                        "users.create",
                                        "metadata.*",
                                        null,
                                        badMetadata,
                                        (d, m) -> d.users()
                                                .create(UserCreate.builder(USER, "Name")
                                                        .metadata(m)
                                                        .build())),
                                call(
                                        "users.update",
                                        "metadata.*",
                                        null,
                                        badMetadata,
                                        (d, m) -> d.users()
                                                .update(
                                                        USER,
                                                        UserUpdate.builder()
                                                                .metadata(m)
                                                                .build())),
                                call(
                                        "groups.create",
                                        "metadata.*",
                                        null,
                                        badMetadata,
                                        (d, m) -> d.groups()
                                                .create(GroupCreate.withoutId("Name", type)
                                                        .metadata(m)
                                                        .build())),
                                call(
                                        "groups.update",
                                        "metadata.*",
                                        null,
                                        badMetadata,
                                        (d, m) -> d.groups()
                                                .update(
                                                        GROUP,
                                                        GroupUpdate.builder()
                                                                .metadata(m)
                                                                .build())))),
                new Kind(
                        "queries",
                        List.of(
                                call(
                                        "users.list pageSize",
                                        "pageSize",
                                        null,
                                        badPage,
                                        (d, n) -> d.users().list(UserQuery.all().withPageSize(n))),
                                call(
                                        "groups.list pageSize",
                                        "pageSize",
                                        Capability.GROUP_LIST,
                                        badPage,
                                        (d, n) ->
                                                d.groups().list(GroupQuery.all().withPageSize(n))),
                                call(
                                        "members.list pageSize",
                                        "pageSize",
                                        null,
                                        badPage,
                                        (d, n) -> d.members()
                                                .list(GROUP, MemberQuery.all().withPageSize(n))),
                                call(
                                        "members.listBanned pageSize",
                                        "pageSize",
                                        Capability.MEMBER_BANS,
                                        badPage,
                                        (d, n) -> d.members().listBanned(GROUP, PageRequest.ofSize(n))),
                                call(
                                        "groups.listForMember pageSize",
                                        "pageSize",
                                        Capability.GROUPS_OF_MEMBER,
                                        badPage,
                                        (d, n) -> d.groups().listForMember(USER, PageRequest.ofSize(n))),
                                call(
                                        "users.list search",
                                        "search",
                                        null,
                                        badText,
                                        (d, s) -> d.users()
                                                .list(UserQuery.builder()
                                                        .search(s)
                                                        .build())),
                                call(
                                        "users.list role",
                                        "role",
                                        null,
                                        badText,
                                        (d, s) -> d.users()
                                                .list(UserQuery.builder()
                                                        .role(s)
                                                        .build())),
                                call(
                                        "groups.list search",
                                        "search",
                                        null,
                                        badText,
                                        (d, s) -> d.groups()
                                                .list(GroupQuery.builder()
                                                        .search(s)
                                                        .build())))));
    }

    private static String badId(SplittableRandom random, IdRule rule) {
        while (true) {
            String id = switch (random.nextInt(3)) {
                case 0 -> FuzzValues.longerThan(random, rule.maxLength());
                // ids made of tricky characters, where the provider refuses some of them
                case 1 -> FuzzValues.trickyText(random);
                default -> FuzzValues.invalidIdOrName(random);
            };
            if (!rule.accepts(id)) {
                return id;
            }
        }
    }

    private GroupType anyGroupType() {
        for (GroupType type : GroupType.values()) {
            if (descriptor().supports(type.capability())) {
                return type;
            }
        }
        throw new IllegalStateException(descriptor().id() + " supports no group type");
    }

    // ---------------------------------------------------------------- cursors

    /**
     * {@return one test per listing: a cursor the directory did not hand out is refused naming the
     * cursor with nothing sent, or, when it happens to be well-formed, read like a real one (the
     * call is sent and ends in a result or a typed exception); the two are counted apart}
     */
    @TestFactory
    @DisplayName("forged cursors are refused naming the cursor, or read as well-formed")
    Stream<DynamicTest> forgedCursorsAreRefusedOrRead() {
        List<Call> calls = List.of(
                call(
                        "users.list",
                        "cursor",
                        null,
                        FuzzValues::forgedCursor,
                        (d, c) -> d.users().list(UserQuery.all().withCursor(c))),
                call(
                        "groups.list",
                        "cursor",
                        Capability.GROUP_LIST,
                        FuzzValues::forgedCursor,
                        (d, c) -> d.groups().list(GroupQuery.all().withCursor(c))),
                call(
                        "members.list",
                        "cursor",
                        null,
                        FuzzValues::forgedCursor,
                        (d, c) -> d.members().list(GROUP, MemberQuery.all().withCursor(c))),
                call(
                        "members.listBanned",
                        "cursor",
                        Capability.MEMBER_BANS,
                        FuzzValues::forgedCursor,
                        (d, c) -> d.members()
                                .listBanned(GROUP, PageRequest.first().withCursor(c))),
                call(
                        "groups.listForMember",
                        "cursor",
                        Capability.GROUPS_OF_MEMBER,
                        FuzzValues::forgedCursor,
                        (d, c) -> d.groups()
                                .listForMember(USER, PageRequest.first().withCursor(c))));
        List<Call> supported = calls.stream().filter(c -> supports(c.needs())).toList();
        int each = (FuzzRun.cases() + supported.size() - 1) / supported.size();
        return supported.stream()
                .map(call -> DynamicTest.dynamicTest(call.operation() + ", " + each + " cases", () -> {
                    backend.server().resetRequests();
                    countingDefects(
                            "forged cursors",
                            () -> FuzzRun.forEachCase("cursors " + call.operation(), each, random -> {
                                Input input = call.input().apply(random);
                                String what = call.operation() + "(" + FuzzRun.show(input.value()) + ")";
                                Throwable thrown =
                                        catchThrowable(() -> input.action().accept(directory));
                                if (backend.server().getAllServeEvents().isEmpty()) {
                                    assertRefused(thrown, call.field(), what);
                                    tally.add("forged cursors", REFUSED);
                                    return;
                                }
                                backend.server().resetRequests();
                                assertThat(thrown)
                                        .as("the failure of %s, which was sent", what)
                                        .satisfiesAnyOf(
                                                t -> assertThat(t).isNull(),
                                                t -> assertThat(t).isInstanceOf(ChatDirectoryException.class));
                                tally.add("forged cursors", "read as well-formed, sent, typed outcome");
                            }));
                }));
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Settings written as people write them ({@code setting(name, value)}), or an odd credential,
     * are either accepted or refused with {@link ConfigurationException} naming the setting; opening
     * a directory with what was accepted (one accepted case in {@value #OPEN_SHARE}: it builds the
     * directory's object graph) fails only with {@link ConfigurationException} naming one of them,
     * and sends nothing.
     */
    @Test
    @DisplayName("settings and credentials are accepted or refused with ConfigurationException naming the setting")
    void settingsAreAcceptedOrRefusedByName() {
        backend.server().resetRequests();
        List<CredentialSpec> credentials = descriptor().credentials();
        String row = "settings and credentials";
        countingDefects(
                row,
                () -> FuzzRun.forEachCase("settings", FuzzRun.cases(), random -> {
                    ProviderConfig.Builder builder = backend.config().toBuilder();
                    Map<String, String> named = new LinkedHashMap<>();
                    if (random.nextBoolean() || credentials.isEmpty()) {
                        named.putAll(FuzzValues.settings(random));
                    } else {
                        String value = switch (random.nextInt(3)) {
                            case 0 -> FuzzValues.blank(random);
                            case 1 -> FuzzValues.invalidText(random, FuzzValues.MAX_TEXT);
                            default -> FuzzValues.trickyText(random);
                        };
                        named.put(FuzzValues.pick(random, credentials).name(), value);
                    }
                    boolean credential =
                            named.size() == 1 && credentials.stream().anyMatch(c -> named.containsKey(c.name()));
                    for (Map.Entry<String, String> setting : named.entrySet()) {
                        String what = (credential ? "credential(" : "setting(") + setting.getKey() + ", "
                                + FuzzRun.show(setting.getValue()) + ")";
                        Throwable thrown = catchThrowable(() -> {
                            if (credential) {
                                builder.credential(setting.getKey(), setting.getValue());
                            } else {
                                builder.setting(setting.getKey(), setting.getValue());
                            }
                        });
                        if (thrown != null) {
                            assertNamesOneOf(thrown, List.of(setting.getKey()), what);
                            tally.add(row, "refused naming the setting");
                            return;
                        }
                    }
                    if (random.nextInt(OPEN_SHARE) != 0) {
                        tally.add(row, "accepted");
                        return;
                    }
                    String what = "opening with " + named.keySet();
                    Throwable thrown =
                            catchThrowable(() -> backend.open(builder.build()).close());
                    if (thrown != null) {
                        assertNamesOneOf(thrown, List.copyOf(named.keySet()), what);
                        tally.add(row, "accepted, refused on opening naming the setting");
                    } else {
                        tally.add(row, "accepted and opened");
                    }
                    assertNothingSent(what);
                }));
    }

    private static void assertNamesOneOf(Throwable thrown, List<String> names, String what) {
        assertThat(thrown).as(what).isInstanceOf(ConfigurationException.class);
        String message = normalized(thrown.getMessage());
        assertThat(names)
                .as("the settings one of which %s names, for %s", thrown, what)
                .anyMatch(name -> message.contains(normalized(name)));
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[._\\-]", "");
    }

    // ---------------------------------------------------------------- tricky but valid values

    /**
     * A user with a tricky id (where the provider's id rule accepts it), name, avatar URL and
     * metadata is created, read back equal, and the read addressed exactly that id. Each case
     * talks to the emulator, so there are {@link FuzzRun#roundTrips()} of them.
     */
    @Test
    @DisplayName(
            "users with tricky ids, names, URLs and metadata reach the right endpoint, encoded, and read back equal")
    void trickyUsersRoundTrip() {
        countingDefects(
                "tricky users, round trip",
                () -> FuzzRun.forEachCase("tricky users", FuzzRun.roundTrips(), random -> {
                    backend.resetVendor();
                    String tricky = FuzzValues.trickyText(random);
                    String id = descriptor().userIds().accepts(tricky)
                            ? tricky
                            : "u" + Integer.toHexString(tricky.hashCode());
                    UserCreate.Builder request = UserCreate.builder(id, FuzzValues.trickyText(random));
                    if (supports(Capability.USER_AVATAR)) {
                        request.avatarUrl(FuzzValues.trickyUrl(random));
                    }
                    if (supports(Capability.USER_METADATA)) {
                        request.metadata(FuzzValues.trickyMetadata(random));
                    }
                    UserCreate create = request.build();
                    String what = "user " + FuzzRun.show(id) + " named " + FuzzRun.show(create.name());
                    directory.users().create(create);
                    backend.server().resetRequests();

                    Optional<User> read = directory.users().get(id);

                    assertThat(read).as(what).hasValueSatisfying(user -> {
                        assertThat(user.id()).as(what).isEqualTo(id);
                        assertThat(user.name()).as(what).isEqualTo(create.name());
                        assertThat(user.avatarUrl()).as(what).isEqualTo(create.avatarUrl());
                        assertThat(user.metadata()).as(what).isEqualTo(create.metadata());
                    });
                    List<Optional<String>> addressed = backend.server().getAllServeEvents().stream()
                            .map(e -> backend.userIdRead(e.getRequest()))
                            .filter(Optional::isPresent)
                            .toList();
                    assertThat(addressed)
                            .as("the ids the get of %s addressed", what)
                            .containsExactly(Optional.of(id));
                    tally.add(
                            "tricky users, round trip",
                            id.equals(tricky)
                                    ? "tricky id read back equal"
                                    : "plain id, tricky fields read back equal");
                }));
    }

    // ---------------------------------------------------------------- report

    private void writeSection() {
        String provider = descriptor().id();
        StringBuilder section = new StringBuilder("## Bad input: ")
                .append(provider)
                .append("\n\n")
                .append("Generated by `")
                .append(getClass().getSimpleName())
                .append("` (the kit's `BadInputFuzz`) with seed ")
                .append(FuzzRun.seed())
                .append(": ")
                .append(String.format("%,d", FuzzRun.cases()))
                .append(" cases per kind of input (`-D")
                .append(FuzzRun.CASES_PROPERTY)
                .append("`), spread over the operations taking it; ")
                .append(String.format("%,d", FuzzRun.roundTrips()))
                .append(" round trips through the emulator (one per ")
                .append(FuzzRun.ROUND_TRIP_SHARE)
                .append(" cases). The only failure allowed is `InvalidRequestException` naming the field")
                .append(" (for settings, `ConfigurationException` naming the setting), before any request is sent.")
                .append(" Run larger with `-D")
                .append(FuzzRun.CASES_PROPERTY)
                .append("=100000`, with another seed with `-D")
                .append(FuzzRun.SEED_PROPERTY)
                .append("=random`.\n\n")
                .append(tally.table("input"))
                .append('\n');
        if (!leftOut.isEmpty()) {
            section.append("Left out, as ")
                    .append(provider)
                    .append(" does not declare the capability: ")
                    .append(String.join(", ", leftOut.stream().distinct().toList()))
                    .append(".\n\n");
        }
        section.append("Defects found in this run: ")
                .append(tally.total("defects"))
                .append(".\n");
        ReliabilitySection.write("30-bad-input-" + provider + ".md", section.toString());
    }
}

package dev.chatdirectory.spi;

import dev.chatdirectory.Capabilities;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.JsonValues;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.TextRules;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The checks every provider shares, in one place: a decorator that validates each request against
 * the provider's id rules and limits, and checks the capabilities it needs, before the adapter
 * sees it; it also splits batches larger than the provider's batch size, and checks the ids in the
 * adapter's answers.
 *
 * <p>Because every check happens here, an invalid request throws {@link InvalidRequestException}
 * and an unsupported one throws {@link UnsupportedCapabilityException} with nothing sent, for every
 * adapter alike. Streams are checked when {@code stream()} is called, not when they are first
 * consumed; their pages are still fetched lazily. Adapters wrap the directories they open:
 * {@code return GuardedChatDirectory.wrap(descriptor(), new MyDirectory(...));}. After {@link
 * #close()} every operation throws {@link IllegalStateException}.
 *
 * <p>An answer carrying an id that could not be sent back unchanged (one with an unpaired surrogate
 * or a control character, see {@link TextRules#brokenRule}) throws {@link
 * ProviderProtocolException}: the ids of returned users, groups and their owners, members, bans and
 * presences are checked on single reads, pages and streams alike. The provider's own id rule is not
 * applied to answers, so entities created outside ChatDirectory stay readable.
 *
 * <p>Thread-safe when the wrapped directory is.
 */
public final class GuardedChatDirectory implements ChatDirectory {

    /** Longest part of a malformed id quoted in an exception message. */
    private static final int MAX_SHOWN_ID_LENGTH = 100;

    private final ProviderDescriptor descriptor;
    private final ChatDirectory delegate;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final UserOperations users;
    private final PresenceOperations presence;
    private final GroupOperations groups;
    private final MemberOperations members;

    private GuardedChatDirectory(ProviderDescriptor descriptor, ChatDirectory delegate) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        // The facets read the delegate's facets when they are constructed, so they must be
        // created here, after the delegate is assigned, not in field initializers (which run first).
        this.users = new GuardedUsers();
        this.presence = new GuardedPresence();
        this.groups = new GuardedGroups();
        this.members = new GuardedMembers();
    }

    /**
     * Wraps a directory with the checks of its provider's descriptor.
     *
     * @param descriptor the descriptor whose capabilities, id rules and limits apply
     * @param delegate the adapter's directory
     * @return the guarded directory
     */
    public static ChatDirectory wrap(ProviderDescriptor descriptor, ChatDirectory delegate) {
        return new GuardedChatDirectory(descriptor, delegate);
    }

    @Override
    public UserOperations users() {
        return users;
    }

    @Override
    public PresenceOperations presence() {
        return presence;
    }

    @Override
    public GroupOperations groups() {
        return groups;
    }

    @Override
    public MemberOperations members() {
        return members;
    }

    @Override
    public ProviderDescriptor provider() {
        return descriptor;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate.unwrap(type);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            delegate.close();
        }
    }

    @Override
    public String toString() {
        return "ChatDirectory[" + descriptor.id() + (closed.get() ? ", closed" : "") + "]";
    }

    private void open() {
        if (closed.get()) {
            throw new IllegalStateException("directory of provider '" + descriptor.id() + "' is closed");
        }
    }

    private void require(Capability capability) {
        descriptor.require(capability);
    }

    /** Refuses a request naming every capability it needs that the provider lacks. */
    private void require(Set<Capability> needed) {
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        for (Capability capability : needed) {
            if (!descriptor.supports(capability)) {
                missing.add(capability);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnsupportedCapabilityException(descriptor.id(), missing);
        }
    }

    private String userId(String field, String id) {
        return descriptor.userIds().check(field, id);
    }

    private String groupId(String id) {
        return descriptor.groupIds().check("groupId", id);
    }

    private static <T> T notNull(String field, T value) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null");
        }
        return value;
    }

    private void name(String field, String name) {
        int max = descriptor.limits().maxNameLength();
        if (name.codePointCount(0, name.length()) > max) {
            throw InvalidRequestException.of(field, "must be at most " + max + " characters for " + descriptor.id());
        }
    }

    private void metadata(Map<String, Object> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        int max = descriptor.limits().maxMetadataBytes();
        int size = JsonValues.toJson(metadata).getBytes(StandardCharsets.UTF_8).length;
        if (size > max) {
            throw InvalidRequestException.of(
                    "metadata",
                    "must serialize to at most " + max + " bytes of JSON for " + descriptor.id() + ", was " + size);
        }
    }

    private void pageSize(OptionalInt pageSize) {
        int max = descriptor.limits().maxPageSize();
        pageSize.ifPresent(size -> {
            if (size > max) {
                throw InvalidRequestException.of(
                        "pageSize", "must be between 1 and " + max + " for " + descriptor.id());
            }
        });
    }

    private List<String> userIds(String field, Collection<String> ids) {
        notNull(field, ids);
        Set<String> seen = new HashSet<>();
        List<String> checked = new ArrayList<>(ids.size());
        for (String id : ids) {
            userId(field, id);
            if (!seen.add(id)) {
                throw InvalidRequestException.of(field, "must not contain '" + id + "' twice");
            }
            checked.add(id);
        }
        return checked;
    }

    /** Checks an id in the adapter's answer: what the caller may send back must survive the wire. */
    private void checkId(String what, String id) {
        Optional<String> broken = TextRules.brokenRule(id);
        if (broken.isPresent()) {
            throw new ProviderProtocolException(
                    "provider '" + descriptor.id() + "' answered with a " + what + " that " + broken.get() + ": "
                            + printable(id),
                    ErrorContext.of(descriptor.id()));
        }
    }

    /** The id, shortened, with control characters and surrogates escaped so that it cannot break a log line. */
    private static String printable(String id) {
        int shown = Math.min(id.length(), MAX_SHOWN_ID_LENGTH);
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < shown; i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(shown < id.length() ? "\"..." : "\"").toString();
    }

    private User checked(User user) {
        checkId("user id", user.id());
        return user;
    }

    private Group checked(Group group) {
        checkId("group id", group.id());
        group.ownerId().ifPresent(owner -> checkId("group owner id", owner));
        return group;
    }

    private Member checked(Member member) {
        checkId("member's group id", member.groupId());
        checkId("member's user id", member.userId());
        return member;
    }

    private BannedMember checked(BannedMember banned) {
        checkId("banned member's group id", banned.groupId());
        checkId("banned member's user id", banned.userId());
        return banned;
    }

    private <T> Optional<T> checked(Optional<T> found, Consumer<T> check) {
        found.ifPresent(check);
        return found;
    }

    private <T> Page<T> checked(Page<T> page, Consumer<T> check) {
        page.items().forEach(check);
        return page;
    }

    /**
     * Calls the adapter, reporting its exceptions under this descriptor's provider id: a provider
     * that wraps another directory is guarded with its own descriptor, and its callers must see
     * its id, not its delegate's (see {@link ChatDirectoryException#withProvider}).
     */
    private <T> T forward(Supplier<T> call) {
        try {
            return call.get();
        } catch (ChatDirectoryException e) {
            throw e.withProvider(descriptor.id());
        }
    }

    private <T> BatchResult inBatches(List<T> items, Function<T, String> idOf, Function<List<T>, BatchResult> call) {
        if (items.isEmpty()) {
            return BatchResult.empty();
        }
        int size = descriptor.limits().maxBatchSize();
        BatchResult result = BatchResult.empty();
        for (int from = 0; from < items.size(); from += size) {
            List<T> chunk = Collections.unmodifiableList(items.subList(from, Math.min(items.size(), from + size)));
            BatchResult answer = forward(() -> call.apply(chunk));
            List<String> expected = chunk.stream().map(idOf).toList();
            List<String> answered =
                    answer.outcomes().stream().map(ItemOutcome::id).toList();
            if (!answered.equals(expected)) {
                // The contract promises one outcome per requested user, in order: an adapter that
                // breaks it must not let callers believe a partial answer.
                throw new ProviderProtocolException(
                        "provider '" + descriptor.id() + "' answered a batch for " + expected + " with outcomes for "
                                + answered,
                        ErrorContext.of(descriptor.id()));
            }
            result = result.plus(answer);
        }
        return result;
    }

    private final class GuardedUsers implements UserOperations {
        private final UserOperations target = delegate.users();

        @Override
        public User create(UserCreate request) {
            open();
            notNull("request", request);
            userId("userId", request.id());
            name("name", request.name());
            require(Capabilities.requiredBy(request));
            metadata(request.metadata());
            return checked(forward(() -> target.create(request)));
        }

        @Override
        public Optional<User> get(String userId) {
            open();
            userId("userId", userId);
            return checked(forward(() -> target.get(userId)), GuardedChatDirectory.this::checked);
        }

        @Override
        public User update(String userId, UserUpdate update) {
            open();
            userId("userId", userId);
            notNull("update", update);
            update.name().ifSet(n -> name("name", n));
            require(Capabilities.requiredBy(update));
            update.metadata().ifSet(GuardedChatDirectory.this::metadata);
            return checked(forward(() -> target.update(userId, update)));
        }

        @Override
        public boolean delete(String userId) {
            open();
            userId("userId", userId);
            return forward(() -> target.delete(userId));
        }

        @Override
        public boolean deactivate(String userId) {
            open();
            require(Capability.USER_DEACTIVATION);
            userId("userId", userId);
            return forward(() -> target.deactivate(userId));
        }

        @Override
        public boolean reactivate(String userId) {
            open();
            require(Capability.USER_DEACTIVATION);
            userId("userId", userId);
            return forward(() -> target.reactivate(userId));
        }

        @Override
        public Page<User> list(UserQuery query) {
            check(query);
            return checked(forward(() -> target.list(query)), GuardedChatDirectory.this::checked);
        }

        @Override
        public Stream<User> stream(UserQuery query) {
            check(query);
            return UserOperations.super.stream(query);
        }

        private void check(UserQuery query) {
            open();
            notNull("query", query);
            require(Capabilities.requiredBy(query));
            pageSize(query.pageSize());
        }
    }

    private final class GuardedPresence implements PresenceOperations {
        @Override
        public Map<String, Presence> get(Collection<String> userIds) {
            open();
            require(Capability.PRESENCE);
            List<String> ids = userIds("userIds", userIds);
            Map<String, Presence> result = new LinkedHashMap<>();
            int size = descriptor.limits().maxBatchSize();
            for (int from = 0; from < ids.size(); from += size) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + size));
                Map<String, Presence> answer = forward(() -> delegate.presence().get(chunk));
                answer.values().forEach(p -> checkId("presence's user id", p.userId()));
                result.putAll(answer);
            }
            return Collections.unmodifiableMap(result);
        }

        @Override
        public Presence get(String userId) {
            open();
            require(Capability.PRESENCE);
            userId("userId", userId);
            return get(List.of(userId)).get(userId);
        }
    }

    private final class GuardedGroups implements GroupOperations {
        private final GroupOperations target = delegate.groups();

        @Override
        public Group create(GroupCreate request) {
            open();
            notNull("request", request);
            require(Capabilities.requiredBy(request));
            request.id().ifPresent(GuardedChatDirectory.this::groupId);
            name("name", request.name());
            metadata(request.metadata());
            request.ownerId().ifPresent(owner -> userId("ownerId", owner));
            return checked(forward(() -> target.create(request)));
        }

        @Override
        public Optional<Group> get(String groupId) {
            open();
            groupId(groupId);
            return checked(forward(() -> target.get(groupId)), GuardedChatDirectory.this::checked);
        }

        @Override
        public Group update(String groupId, GroupUpdate update) {
            open();
            notNull("update", update);
            require(Capabilities.requiredBy(update));
            groupId(groupId);
            update.name().ifSet(n -> name("name", n));
            update.metadata().ifSet(GuardedChatDirectory.this::metadata);
            return checked(forward(() -> target.update(groupId, update)));
        }

        @Override
        public boolean delete(String groupId) {
            open();
            require(Capability.GROUP_DELETE);
            groupId(groupId);
            return forward(() -> target.delete(groupId));
        }

        @Override
        public Group transferOwnership(String groupId, String newOwnerId) {
            open();
            require(Capability.GROUP_OWNER_TRANSFER);
            groupId(groupId);
            userId("newOwnerId", newOwnerId);
            return checked(forward(() -> target.transferOwnership(groupId, newOwnerId)));
        }

        @Override
        public Page<Group> list(GroupQuery query) {
            check(query);
            return checked(forward(() -> target.list(query)), GuardedChatDirectory.this::checked);
        }

        @Override
        public Stream<Group> stream(GroupQuery query) {
            check(query);
            return GroupOperations.super.stream(query);
        }

        private void check(GroupQuery query) {
            open();
            notNull("query", query);
            require(Capabilities.requiredBy(query));
            pageSize(query.pageSize());
        }

        @Override
        public Page<Group> listForMember(String userId, PageRequest request) {
            checkForMember(userId, request);
            return forward(() -> target.listForMember(userId, request));
        }

        @Override
        public Stream<Group> streamForMember(String userId, PageRequest request) {
            checkForMember(userId, request);
            return GroupOperations.super.streamForMember(userId, request);
        }

        private void checkForMember(String userId, PageRequest request) {
            open();
            require(Capability.GROUPS_OF_MEMBER);
            userId("userId", userId);
            notNull("request", request);
            pageSize(request.pageSize());
        }
    }

    private final class GuardedMembers implements MemberOperations {
        private final MemberOperations target = delegate.members();

        @Override
        public BatchResult add(String groupId, Collection<MemberSpec> members) {
            open();
            groupId(groupId);
            notNull("members", members);
            List<MemberSpec> specs = new ArrayList<>(members.size());
            Set<String> seen = new HashSet<>();
            for (MemberSpec spec : members) {
                notNull("members", spec);
                userId("members.userId", spec.userId());
                if (!seen.add(spec.userId())) {
                    throw InvalidRequestException.of("members", "must not contain '" + spec.userId() + "' twice");
                }
                require(Capabilities.requiredBy(spec));
                specs.add(spec);
            }
            return inBatches(specs, MemberSpec::userId, chunk -> target.add(groupId, chunk));
        }

        @Override
        public BatchResult remove(String groupId, Collection<String> userIds) {
            open();
            groupId(groupId);
            return inBatches(userIds("userIds", userIds), Function.identity(), chunk -> target.remove(groupId, chunk));
        }

        @Override
        public Page<Member> list(String groupId, MemberQuery query) {
            check(groupId, query);
            return checked(forward(() -> target.list(groupId, query)), GuardedChatDirectory.this::checked);
        }

        @Override
        public Stream<Member> stream(String groupId, MemberQuery query) {
            check(groupId, query);
            return MemberOperations.super.stream(groupId, query);
        }

        private void check(String groupId, MemberQuery query) {
            open();
            groupId(groupId);
            notNull("query", query);
            require(Capabilities.requiredBy(query));
            pageSize(query.pageSize());
        }

        @Override
        public ItemOutcome changeRole(String groupId, String userId, MemberRole role) {
            open();
            require(Capability.MEMBER_ROLES);
            groupId(groupId);
            userId("userId", userId);
            notNull("role", role);
            return forward(() -> target.changeRole(groupId, userId, role));
        }

        @Override
        public BatchResult ban(String groupId, Collection<String> userIds) {
            open();
            require(Capability.MEMBER_BANS);
            groupId(groupId);
            return inBatches(userIds("userIds", userIds), Function.identity(), chunk -> target.ban(groupId, chunk));
        }

        @Override
        public BatchResult unban(String groupId, Collection<String> userIds) {
            open();
            require(Capability.MEMBER_BANS);
            groupId(groupId);
            return inBatches(userIds("userIds", userIds), Function.identity(), chunk -> target.unban(groupId, chunk));
        }

        @Override
        public Page<BannedMember> listBanned(String groupId, PageRequest request) {
            checkBanned(groupId, request);
            return checked(forward(() -> target.listBanned(groupId, request)), GuardedChatDirectory.this::checked);
        }

        @Override
        public Stream<BannedMember> streamBanned(String groupId, PageRequest request) {
            checkBanned(groupId, request);
            return MemberOperations.super.streamBanned(groupId, request);
        }

        private void checkBanned(String groupId, PageRequest request) {
            open();
            require(Capability.MEMBER_BANS);
            groupId(groupId);
            notNull("request", request);
            pageSize(request.pageSize());
        }
    }
}

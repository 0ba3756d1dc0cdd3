package dev.chatdirectory.provider.memory;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.PresenceState;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.GuardedChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The in-memory directory: the reference semantics of the portable API, and a fake for
 * applications' own tests.
 *
 * <p>Obtain one with {@link #builder()}; the builder returns it wrapped in the shared request
 * checks, and {@code directory.unwrap(MemoryChatDirectory.class)} reaches the test hooks such as
 * {@link #setPresence}. Listings page by key (ids in natural order), so walks never repeat or
 * skip an item that existed throughout. When {@link Capability#USER_HARD_DELETE} is switched off,
 * deleting a user deactivates it, as on vendors without hard delete. Deactivated users are listed,
 * with the time of their deactivation, when a query includes them; members are listed with their
 * user's current name, and bans with the role and join time of the membership they ended.
 *
 * <p>Thread-safe: one read-write lock guards the whole store.
 */
public final class MemoryChatDirectory implements ChatDirectory {

    /** Default page size: 100. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Largest page size: 1000. */
    public static final int MAX_PAGE_SIZE = 1000;

    static final Set<Capability> ALL_CAPABILITIES = Collections.unmodifiableSet(EnumSet.allOf(Capability.class));

    private static final int MAX_BATCH_SIZE = 1000;
    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_METADATA_BYTES = 64 * 1024;

    private final ProviderDescriptor descriptor;
    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, StoredUser> users = new TreeMap<>();
    private final TreeMap<String, StoredGroup> groups = new TreeMap<>();
    private final Map<String, PresenceRecord> presence = new TreeMap<>();
    private final AtomicLong groupSequence = new AtomicLong();
    private final UserOperations userOperations = new Users();
    private final PresenceOperations presenceOperations = new PresenceReader();
    private final GroupOperations groupOperations = new Groups();
    private final MemberOperations memberOperations = new Members();

    private MemoryChatDirectory(ProviderDescriptor descriptor, Clock clock) {
        this.descriptor = descriptor;
        this.clock = clock;
    }

    /** Starts a builder: every capability, page size 100, the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    static ProviderDescriptor descriptor(Set<Capability> capabilities, int defaultPageSize) {
        return ProviderDescriptor.builder(MemoryChatDirectoryProvider.ID)
                .displayName("In-memory reference provider")
                .capabilities(capabilities)
                .credential(CredentialSpec.setting("pageSize")
                        .description("default page size, 1 to " + MAX_PAGE_SIZE)
                        .build())
                .limits(ProviderLimits.builder()
                        .defaultPageSize(defaultPageSize)
                        .maxPageSize(MAX_PAGE_SIZE)
                        .maxBatchSize(MAX_BATCH_SIZE)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxMetadataBytes(MAX_METADATA_BYTES)
                        .build())
                .build();
    }

    /**
     * Test hook: sets what presence reports for a user.
     *
     * @param userId the user; presence is kept even before the user exists
     * @param state the state to report
     * @param lastActiveAt the last-active time to report, or {@code null} for none
     */
    public void setPresence(String userId, PresenceState state, Instant lastActiveAt) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(state, "state");
        write(() -> presence.put(userId, new PresenceRecord(state, Optional.ofNullable(lastActiveAt))));
    }

    /** Test hook: returns how many users are stored, deactivated ones included. */
    public int storedUserCount() {
        return read(users::size);
    }

    @Override
    public UserOperations users() {
        return userOperations;
    }

    @Override
    public PresenceOperations presence() {
        return presenceOperations;
    }

    @Override
    public GroupOperations groups() {
        return groupOperations;
    }

    @Override
    public MemberOperations members() {
        return memberOperations;
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
        throw new IllegalArgumentException("the memory directory has nothing of type " + type.getName());
    }

    /** Does nothing: the store lives as long as the directory object. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "MemoryChatDirectory[" + read(users::size) + " users, " + read(groups::size) + " groups]";
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int pageSize(java.util.OptionalInt requested) {
        return requested.orElse(descriptor.limits().defaultPageSize());
    }

    private NotFoundException userNotFound(String userId) {
        return new NotFoundException("no user with id '" + userId + "'", ErrorContext.of(descriptor.id()));
    }

    private NotFoundException groupNotFound(String groupId) {
        return new NotFoundException("no group with id '" + groupId + "'", ErrorContext.of(descriptor.id()));
    }

    private boolean activeUser(String userId) {
        StoredUser stored = users.get(userId);
        return stored != null && stored.active();
    }

    private StoredGroup existingGroup(String groupId) {
        StoredGroup group = groups.get(groupId);
        if (group == null) {
            throw groupNotFound(groupId);
        }
        return group;
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
    }

    /** Builds memory directories; not thread-safe. */
    public static final class Builder {
        private Set<Capability> capabilities = ALL_CAPABILITIES;
        private int defaultPageSize = DEFAULT_PAGE_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Restricts the capabilities the directory declares, e.g. to mimic a vendor in tests.
         *
         * @param capabilities the capabilities to keep
         * @return this builder
         */
        public Builder capabilities(Set<Capability> capabilities) {
            this.capabilities = EnumSet.noneOf(Capability.class);
            this.capabilities.addAll(capabilities);
            return this;
        }

        /**
         * Sets the page size used when a query does not give one.
         *
         * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder defaultPageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
            }
            this.defaultPageSize = pageSize;
            return this;
        }

        /**
         * Sets the clock of creation, update, join and observation times.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds a new, empty directory wrapped in the shared request checks.
         *
         * @return the directory
         */
        public ChatDirectory build() {
            ProviderDescriptor descriptor = descriptor(capabilities, defaultPageSize);
            return GuardedChatDirectory.wrap(descriptor, new MemoryChatDirectory(descriptor, clock));
        }
    }

    private static final class StoredUser {
        private User user;
        /** When the user was deactivated; {@code null} while active. */
        private Instant deactivatedAt;

        StoredUser(User user) {
            this.user = user;
        }

        boolean active() {
            return deactivatedAt == null;
        }

        /** The user as listings show it, with its deactivation state. */
        User view() {
            return user.toBuilder().deactivatedAt(deactivatedAt).build();
        }
    }

    private record PresenceRecord(PresenceState state, Optional<Instant> lastActiveAt) {}

    private static final class StoredGroup {
        private Group group;
        private String password;
        private final TreeMap<String, Member> members = new TreeMap<>();
        private final TreeMap<String, BannedMember> banned = new TreeMap<>();

        StoredGroup(Group group, String password) {
            this.group = group;
            this.password = password;
        }
    }

    /** A group as callers see it: deactivated users are not counted among its members. */
    private Group view(StoredGroup stored) {
        int active =
                (int) stored.members.keySet().stream().filter(this::activeUser).count();
        return stored.group.toBuilder().memberCount(active).build();
    }

    private final class Users implements UserOperations {
        @Override
        public User create(UserCreate request) {
            return write(() -> {
                if (users.containsKey(request.id())) {
                    throw new AlreadyExistsException(
                            "a user with id '" + request.id() + "' already exists", ErrorContext.of(descriptor.id()));
                }
                Instant now = clock.instant();
                User user = User.builder(request.id(), request.name())
                        .avatarUrl(request.avatarUrl().orElse(null))
                        .profileUrl(request.profileUrl().orElse(null))
                        .email(request.email().orElse(null))
                        .role(request.role().orElse(null))
                        .metadata(request.metadata())
                        .createdAt(now)
                        .updatedAt(now)
                        .build();
                users.put(user.id(), new StoredUser(user));
                return user;
            });
        }

        @Override
        public Optional<User> get(String userId) {
            return read(() -> Optional.ofNullable(users.get(userId))
                    .filter(StoredUser::active)
                    .map(s -> s.user));
        }

        @Override
        public User update(String userId, UserUpdate update) {
            return write(() -> {
                StoredUser stored = users.get(userId);
                if (stored == null || !stored.active()) {
                    throw userNotFound(userId);
                }
                stored.user = update.applyTo(stored.user).toBuilder()
                        .updatedAt(clock.instant())
                        .build();
                return stored.user;
            });
        }

        @Override
        public boolean delete(String userId) {
            return write(() -> {
                StoredUser stored = users.get(userId);
                if (stored == null || !stored.active()) {
                    return false;
                }
                if (descriptor.supports(Capability.USER_HARD_DELETE)) {
                    users.remove(userId);
                    presence.remove(userId);
                    for (StoredGroup group : groups.values()) {
                        group.members.remove(userId);
                        group.banned.remove(userId);
                    }
                } else {
                    stored.deactivatedAt = clock.instant();
                }
                return true;
            });
        }

        @Override
        public boolean deactivate(String userId) {
            return setActive(userId, false);
        }

        @Override
        public boolean reactivate(String userId) {
            return setActive(userId, true);
        }

        private boolean setActive(String userId, boolean active) {
            return write(() -> {
                StoredUser stored = users.get(userId);
                if (stored == null) {
                    throw userNotFound(userId);
                }
                if (stored.active() == active) {
                    return false;
                }
                stored.deactivatedAt = active ? null : clock.instant();
                return true;
            });
        }

        @Override
        public Page<User> list(UserQuery query) {
            return read(() -> KeysetPager.page(
                    "users",
                    users,
                    stored -> (stored.active() || query.includeDeactivated()) && matches(stored.user, query),
                    StoredUser::view,
                    pageSize(query.pageSize()),
                    query.cursor()));
        }

        private boolean matches(User user, UserQuery query) {
            return query.search()
                            .map(s -> startsWithIgnoringCase(user.id(), s) || startsWithIgnoringCase(user.name(), s))
                            .orElse(true)
                    && query.role().map(r -> r.equals(user.role().orElse(null))).orElse(true)
                    && query.presence()
                            .map(p -> p == presenceOf(user.id()).state())
                            .orElse(true);
        }
    }

    private PresenceRecord presenceOf(String userId) {
        if (!activeUser(userId)) {
            return new PresenceRecord(PresenceState.UNKNOWN, Optional.empty());
        }
        return presence.getOrDefault(userId, new PresenceRecord(PresenceState.OFFLINE, Optional.empty()));
    }

    private final class PresenceReader implements PresenceOperations {
        @Override
        public Map<String, Presence> get(Collection<String> userIds) {
            return read(() -> {
                Instant now = clock.instant();
                Map<String, Presence> result = new LinkedHashMap<>();
                for (String id : userIds) {
                    PresenceRecord record = presenceOf(id);
                    result.put(id, new Presence(id, record.state(), record.lastActiveAt(), now));
                }
                return Collections.unmodifiableMap(result);
            });
        }
    }

    private final class Groups implements GroupOperations {
        @Override
        public Group create(GroupCreate request) {
            return write(() -> {
                String id = request.id().orElseGet(this::freeGroupId);
                if (groups.containsKey(id)) {
                    throw new AlreadyExistsException(
                            "a group with id '" + id + "' already exists", ErrorContext.of(descriptor.id()));
                }
                request.ownerId().ifPresent(owner -> {
                    if (!activeUser(owner)) {
                        throw userNotFound(owner);
                    }
                });
                Instant now = clock.instant();
                Group group = Group.builder(id, request.name(), request.type())
                        .description(request.description().orElse(null))
                        .iconUrl(request.iconUrl().orElse(null))
                        .ownerId(request.ownerId().orElse(null))
                        .metadata(request.metadata())
                        .createdAt(now)
                        .updatedAt(now)
                        .build();
                StoredGroup stored = new StoredGroup(group, request.password().orElse(null));
                request.ownerId()
                        .ifPresent(owner ->
                                stored.members.put(owner, new Member(id, owner, MemberRole.ADMIN, Optional.of(now))));
                groups.put(id, stored);
                return view(stored);
            });
        }

        /** The next generated id not taken by a client-chosen one; called under the write lock. */
        private String freeGroupId() {
            String id;
            do {
                id = "group-" + groupSequence.incrementAndGet();
            } while (groups.containsKey(id));
            return id;
        }

        @Override
        public Optional<Group> get(String groupId) {
            return read(() -> Optional.ofNullable(groups.get(groupId)).map(MemoryChatDirectory.this::view));
        }

        @Override
        public Group update(String groupId, GroupUpdate update) {
            return write(() -> {
                StoredGroup stored = existingGroup(groupId);
                Group updated = update.applyTo(stored.group);
                if (updated.type() != GroupType.PASSWORD && update.password().isPresent()) {
                    // GroupUpdate rejects a password with a non-PASSWORD type; this is a password
                    // alone, for a group that has no password to change.
                    throw new InvalidRequestException(
                            "password",
                            "is only allowed for PASSWORD groups; group '" + groupId + "' is " + updated.type(),
                            ErrorContext.of(descriptor.id()));
                }
                if (updated.type() != GroupType.PASSWORD) {
                    stored.password = null;
                } else if (update.password().isPresent()) {
                    stored.password = update.password().get();
                } else if (stored.password == null) {
                    throw InvalidRequestException.of("password", "is required to make a group a PASSWORD group");
                }
                stored.group = updated.toBuilder().updatedAt(clock.instant()).build();
                return view(stored);
            });
        }

        @Override
        public boolean delete(String groupId) {
            return write(() -> groups.remove(groupId) != null);
        }

        @Override
        public Group transferOwnership(String groupId, String newOwnerId) {
            return write(() -> {
                StoredGroup stored = existingGroup(groupId);
                if (!activeUser(newOwnerId)) {
                    throw userNotFound(newOwnerId);
                }
                if (stored.banned.containsKey(newOwnerId)) {
                    throw InvalidRequestException.of("newOwnerId", "must not be banned from the group");
                }
                Instant now = clock.instant();
                Member current = stored.members.get(newOwnerId);
                stored.members.put(
                        newOwnerId,
                        new Member(
                                groupId,
                                newOwnerId,
                                MemberRole.ADMIN,
                                current == null ? Optional.of(now) : current.joinedAt()));
                stored.group = stored.group.toBuilder()
                        .ownerId(newOwnerId)
                        .updatedAt(now)
                        .build();
                return view(stored);
            });
        }

        @Override
        public Page<Group> list(GroupQuery query) {
            return read(() -> KeysetPager.page(
                    "groups",
                    groups,
                    stored -> query.search()
                                    .map(s -> startsWithIgnoringCase(stored.group.id(), s)
                                            || startsWithIgnoringCase(stored.group.name(), s))
                                    .orElse(true)
                            && query.type().map(t -> t == stored.group.type()).orElse(true),
                    MemoryChatDirectory.this::view,
                    pageSize(query.pageSize()),
                    query.cursor()));
        }

        /** Pages by group id, like {@link #list}; a deactivated user is not found, as by {@code get}. */
        @Override
        public Page<Group> listForMember(String userId, PageRequest request) {
            return read(() -> {
                if (!activeUser(userId)) {
                    throw userNotFound(userId);
                }
                return KeysetPager.page(
                        "groups-of:" + userId,
                        groups,
                        stored -> stored.members.containsKey(userId),
                        MemoryChatDirectory.this::view,
                        pageSize(request.pageSize()),
                        request.cursor());
            });
        }
    }

    private final class Members implements MemberOperations {
        @Override
        public BatchResult add(String groupId, Collection<MemberSpec> members) {
            return write(() -> {
                StoredGroup group = existingGroup(groupId);
                Instant now = clock.instant();
                List<ItemOutcome> outcomes = new ArrayList<>();
                for (MemberSpec spec : members) {
                    String userId = spec.userId();
                    if (!activeUser(userId)) {
                        outcomes.add(ItemOutcome.failed(userId, FailureReason.NOT_FOUND, "no user with this id"));
                    } else if (group.banned.containsKey(userId)) {
                        outcomes.add(ItemOutcome.failed(userId, FailureReason.BANNED, "banned from the group"));
                    } else if (group.members.containsKey(userId)) {
                        outcomes.add(ItemOutcome.unchanged(userId));
                    } else {
                        group.members.put(userId, new Member(groupId, userId, spec.role(), Optional.of(now)));
                        outcomes.add(ItemOutcome.applied(userId));
                    }
                }
                return new BatchResult(outcomes);
            });
        }

        @Override
        public BatchResult remove(String groupId, Collection<String> userIds) {
            return write(() -> {
                StoredGroup group = existingGroup(groupId);
                List<ItemOutcome> outcomes = new ArrayList<>();
                for (String userId : userIds) {
                    outcomes.add(
                            group.members.remove(userId) != null
                                    ? ItemOutcome.applied(userId)
                                    : ItemOutcome.unchanged(userId));
                }
                return new BatchResult(outcomes);
            });
        }

        @Override
        public Page<Member> list(String groupId, MemberQuery query) {
            return read(() -> KeysetPager.page(
                    "members:" + groupId,
                    existingGroup(groupId).members,
                    // Deactivated users keep their membership but are not listed, as at CometChat.
                    member -> activeUser(member.userId())
                            && query.role().map(r -> r == member.role()).orElse(true),
                    // The name is the user's current one, as vendors that join member and user report it.
                    member -> new Member(
                            member.groupId(),
                            member.userId(),
                            member.role(),
                            member.joinedAt(),
                            Optional.of(users.get(member.userId()).user.name())),
                    pageSize(query.pageSize()),
                    query.cursor()));
        }

        @Override
        public ItemOutcome changeRole(String groupId, String userId, MemberRole role) {
            return write(() -> {
                StoredGroup group = existingGroup(groupId);
                Member member = group.members.get(userId);
                if (member == null) {
                    throw new NotFoundException(
                            "user '" + userId + "' is not a member of group '" + groupId + "'",
                            ErrorContext.of(descriptor.id()));
                }
                if (member.role() == role) {
                    return ItemOutcome.unchanged(userId);
                }
                group.members.put(userId, new Member(groupId, userId, role, member.joinedAt()));
                return ItemOutcome.applied(userId);
            });
        }

        @Override
        public BatchResult ban(String groupId, Collection<String> userIds) {
            return write(() -> {
                StoredGroup group = existingGroup(groupId);
                Instant now = clock.instant();
                List<ItemOutcome> outcomes = new ArrayList<>();
                for (String userId : userIds) {
                    if (group.banned.containsKey(userId)) {
                        outcomes.add(ItemOutcome.unchanged(userId));
                    } else if (!activeUser(userId)) {
                        outcomes.add(ItemOutcome.failed(userId, FailureReason.NOT_FOUND, "no user with this id"));
                    } else {
                        Member member = group.members.remove(userId);
                        if (member == null) {
                            outcomes.add(ItemOutcome.failed(
                                    userId, FailureReason.NOT_A_MEMBER, "only members can be banned"));
                        } else {
                            group.banned.put(
                                    userId,
                                    new BannedMember(
                                            groupId,
                                            userId,
                                            Optional.of(now),
                                            Optional.of(member.role()),
                                            member.joinedAt()));
                            outcomes.add(ItemOutcome.applied(userId));
                        }
                    }
                }
                return new BatchResult(outcomes);
            });
        }

        @Override
        public BatchResult unban(String groupId, Collection<String> userIds) {
            return write(() -> {
                StoredGroup group = existingGroup(groupId);
                List<ItemOutcome> outcomes = new ArrayList<>();
                for (String userId : userIds) {
                    outcomes.add(
                            group.banned.remove(userId) != null
                                    ? ItemOutcome.applied(userId)
                                    : ItemOutcome.unchanged(userId));
                }
                return new BatchResult(outcomes);
            });
        }

        @Override
        public Page<BannedMember> listBanned(String groupId, PageRequest request) {
            return read(() -> KeysetPager.page(
                    "banned:" + groupId,
                    existingGroup(groupId).banned,
                    banned -> true,
                    pageSize(request.pageSize()),
                    request.cursor()));
        }
    }
}

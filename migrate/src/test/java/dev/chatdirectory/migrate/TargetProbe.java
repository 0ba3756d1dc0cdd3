package dev.chatdirectory.migrate;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A target wrapper for tests: records every write (with the ids it names), and can crash after a
 * number of writes, either before the write reaches the target or after it was applied with its
 * answer lost. Thread-safe.
 */
final class TargetProbe implements ChatDirectory {

    /** The process dies: not a provider error, so the engine stops as after a real crash. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    /** Where a crash happens relative to the write that triggers it. */
    enum CrashMode {
        /** The write never reaches the target. */
        BEFORE_WRITE,
        /** The target applies the write, then the process dies before reading the answer. */
        ANSWER_LOST
    }

    private final ChatDirectory delegate;
    private final ProviderDescriptor descriptor;
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> creates = new ConcurrentHashMap<>();
    private final AtomicInteger groupReads = new AtomicInteger();
    private final AtomicInteger groupPages = new AtomicInteger();
    private final AtomicInteger remaining;
    private final CrashMode mode;

    private TargetProbe(ChatDirectory delegate, ProviderDescriptor descriptor, int crashAfter, CrashMode mode) {
        this.delegate = delegate;
        this.descriptor = descriptor;
        this.remaining = new AtomicInteger(crashAfter);
        this.mode = mode;
    }

    static TargetProbe counting(ChatDirectory delegate) {
        return new TargetProbe(delegate, delegate.provider(), Integer.MAX_VALUE, CrashMode.BEFORE_WRITE);
    }

    static TargetProbe crashingAfter(ChatDirectory delegate, int writes, CrashMode mode) {
        return new TargetProbe(delegate, delegate.provider(), writes, mode);
    }

    /** A wrapper that reports another descriptor, e.g. a stricter id rule. */
    static TargetProbe describedAs(ChatDirectory delegate, ProviderDescriptor descriptor) {
        return new TargetProbe(delegate, descriptor, Integer.MAX_VALUE, CrashMode.BEFORE_WRITE);
    }

    List<String> writes() {
        return List.copyOf(writes);
    }

    /** {@return how many single groups were read by id} */
    int groupReads() {
        return groupReads.get();
    }

    /** {@return how many pages of groups were listed} */
    int groupPages() {
        return groupPages.get();
    }

    /** {@return how many create requests reached the target, by "user:id" or "group:name"} */
    Map<String, Integer> createsReachingTarget() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        creates.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private <T> T write(String what, String createKey, Supplier<T> call) {
        writes.add(what);
        if (remaining.decrementAndGet() < 0) {
            if (mode == CrashMode.BEFORE_WRITE) {
                throw new SimulatedCrash("crash before " + what);
            }
            count(createKey);
            call.get();
            throw new SimulatedCrash("crash after " + what + " was applied");
        }
        T result = call.get();
        count(createKey);
        return result;
    }

    private void count(String createKey) {
        if (createKey != null) {
            creates.computeIfAbsent(createKey, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Override
    public UserOperations users() {
        UserOperations u = delegate.users();
        return new UserOperations() {
            @Override
            public User create(UserCreate request) {
                return write("create user " + request.id(), "user:" + request.id(), () -> u.create(request));
            }

            @Override
            public Optional<User> get(String userId) {
                return u.get(userId);
            }

            @Override
            public User update(String userId, UserUpdate update) {
                return write("update user " + userId, null, () -> u.update(userId, update));
            }

            @Override
            public boolean delete(String userId) {
                return write("delete user " + userId, null, () -> u.delete(userId));
            }

            @Override
            public boolean deactivate(String userId) {
                return write("deactivate user " + userId, null, () -> u.deactivate(userId));
            }

            @Override
            public boolean reactivate(String userId) {
                return write("reactivate user " + userId, null, () -> u.reactivate(userId));
            }

            @Override
            public Page<User> list(UserQuery query) {
                return u.list(query);
            }
        };
    }

    @Override
    public PresenceOperations presence() {
        return delegate.presence();
    }

    @Override
    public GroupOperations groups() {
        GroupOperations g = delegate.groups();
        return new GroupOperations() {
            @Override
            public Group create(GroupCreate request) {
                return write("create group " + request.name(), "group:" + request.name(), () -> g.create(request));
            }

            @Override
            public Optional<Group> get(String groupId) {
                groupReads.incrementAndGet();
                return g.get(groupId);
            }

            @Override
            public Group update(String groupId, GroupUpdate update) {
                return write("update group " + groupId, null, () -> g.update(groupId, update));
            }

            @Override
            public boolean delete(String groupId) {
                return write("delete group " + groupId, null, () -> g.delete(groupId));
            }

            @Override
            public Group transferOwnership(String groupId, String newOwnerId) {
                return write("transfer group " + groupId, null, () -> g.transferOwnership(groupId, newOwnerId));
            }

            @Override
            public Page<Group> list(GroupQuery query) {
                groupPages.incrementAndGet();
                return g.list(query);
            }

            @Override
            public Page<Group> listForMember(String userId, PageRequest request) {
                return g.listForMember(userId, request);
            }
        };
    }

    @Override
    public MemberOperations members() {
        MemberOperations m = delegate.members();
        return new MemberOperations() {
            @Override
            public BatchResult add(String groupId, Collection<MemberSpec> members) {
                return write("add members " + groupId + " " + members.size(), null, () -> m.add(groupId, members));
            }

            @Override
            public BatchResult remove(String groupId, Collection<String> userIds) {
                return write("remove members " + groupId, null, () -> m.remove(groupId, userIds));
            }

            @Override
            public Page<Member> list(String groupId, MemberQuery query) {
                return m.list(groupId, query);
            }

            @Override
            public ItemOutcome changeRole(String groupId, String userId, MemberRole role) {
                return write("change role " + groupId + " " + userId, null, () -> m.changeRole(groupId, userId, role));
            }

            @Override
            public BatchResult ban(String groupId, Collection<String> userIds) {
                return write("ban " + groupId + " " + userIds.size(), null, () -> m.ban(groupId, userIds));
            }

            @Override
            public BatchResult unban(String groupId, Collection<String> userIds) {
                return write("unban " + groupId, null, () -> m.unban(groupId, userIds));
            }

            @Override
            public Page<BannedMember> listBanned(String groupId, PageRequest request) {
                return m.listBanned(groupId, request);
            }
        };
    }

    @Override
    public ProviderDescriptor provider() {
        return descriptor;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return delegate.unwrap(type);
    }

    @Override
    public void close() {
        delegate.close();
    }
}

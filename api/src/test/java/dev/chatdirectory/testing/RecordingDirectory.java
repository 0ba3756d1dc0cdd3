package dev.chatdirectory.testing;

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
import dev.chatdirectory.spi.ProviderDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake adapter directory that records every call it receives (method name and arguments) and
 * answers with plausible values: batches apply every item, lookups find nothing, listings are
 * empty. Thread-safe.
 */
public final class RecordingDirectory implements ChatDirectory {

    /** One call received by the fake. */
    public record Call(String method, List<Object> arguments) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ProviderDescriptor descriptor;
    private volatile int closeCount;

    /** Creates a fake that reports the given descriptor from {@link #provider()}. */
    public RecordingDirectory(ProviderDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** {@return every call received, in order; close() is not recorded} */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** {@return the calls of one method, in order} */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** {@return how often close() was called} */
    public int closeCount() {
        return closeCount;
    }

    private void record(String method, Object... arguments) {
        // Copy collections: the caller may hand us views that change later.
        List<Object> args = new ArrayList<>();
        for (Object a : arguments) {
            args.add(a instanceof Collection<?> c ? List.copyOf(c) : a);
        }
        calls.add(new Call(method, Collections.unmodifiableList(args)));
    }

    private static BatchResult appliedAll(Collection<String> ids) {
        return new BatchResult(ids.stream().map(ItemOutcome::applied).toList());
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
        throw new IllegalArgumentException("nothing of type " + type.getName());
    }

    @Override
    public void close() {
        closeCount++;
    }

    private final UserOperations users = new UserOperations() {
        @Override
        public User create(UserCreate request) {
            record("users.create", request);
            return User.builder(request.id(), request.name()).build();
        }

        @Override
        public Optional<User> get(String userId) {
            record("users.get", userId);
            return Optional.empty();
        }

        @Override
        public User update(String userId, UserUpdate update) {
            record("users.update", userId, update);
            return update.applyTo(User.builder(userId, "name").build());
        }

        @Override
        public boolean delete(String userId) {
            record("users.delete", userId);
            return true;
        }

        @Override
        public boolean deactivate(String userId) {
            record("users.deactivate", userId);
            return true;
        }

        @Override
        public boolean reactivate(String userId) {
            record("users.reactivate", userId);
            return true;
        }

        @Override
        public Page<User> list(UserQuery query) {
            record("users.list", query);
            return Page.of(List.of(), null);
        }
    };

    private final PresenceOperations presence = new PresenceOperations() {
        @Override
        public Map<String, Presence> get(Collection<String> userIds) {
            record("presence.get", userIds);
            Map<String, Presence> result = new LinkedHashMap<>();
            for (String id : userIds) {
                result.put(id, new Presence(id, PresenceState.OFFLINE, Optional.empty(), Instant.EPOCH));
            }
            return result;
        }
    };

    private final GroupOperations groups = new GroupOperations() {
        @Override
        public Group create(GroupCreate request) {
            record("groups.create", request);
            return Group.builder(request.id().orElse("generated"), request.name(), request.type())
                    .build();
        }

        @Override
        public Optional<Group> get(String groupId) {
            record("groups.get", groupId);
            return Optional.empty();
        }

        @Override
        public Group update(String groupId, GroupUpdate update) {
            record("groups.update", groupId, update);
            return update.applyTo(
                    Group.builder(groupId, "name", GroupType.PUBLIC).build());
        }

        @Override
        public boolean delete(String groupId) {
            record("groups.delete", groupId);
            return true;
        }

        @Override
        public Group transferOwnership(String groupId, String newOwnerId) {
            record("groups.transferOwnership", groupId, newOwnerId);
            return Group.builder(groupId, "name", GroupType.PUBLIC)
                    .ownerId(newOwnerId)
                    .build();
        }

        @Override
        public Page<Group> list(GroupQuery query) {
            record("groups.list", query);
            return Page.of(List.of(), null);
        }

        @Override
        public Page<Group> listForMember(String userId, PageRequest request) {
            record("groups.listForMember", userId, request);
            return Page.of(List.of(), null);
        }
    };

    private final MemberOperations members = new MemberOperations() {
        @Override
        public BatchResult add(String groupId, Collection<MemberSpec> specs) {
            record("members.add", groupId, specs);
            return appliedAll(specs.stream().map(MemberSpec::userId).toList());
        }

        @Override
        public BatchResult remove(String groupId, Collection<String> userIds) {
            record("members.remove", groupId, userIds);
            return appliedAll(userIds);
        }

        @Override
        public Page<Member> list(String groupId, MemberQuery query) {
            record("members.list", groupId, query);
            return Page.of(List.of(), null);
        }

        @Override
        public ItemOutcome changeRole(String groupId, String userId, MemberRole role) {
            record("members.changeRole", groupId, userId, role);
            return ItemOutcome.applied(userId);
        }

        @Override
        public BatchResult ban(String groupId, Collection<String> userIds) {
            record("members.ban", groupId, userIds);
            return appliedAll(userIds);
        }

        @Override
        public BatchResult unban(String groupId, Collection<String> userIds) {
            record("members.unban", groupId, userIds);
            return appliedAll(userIds);
        }

        @Override
        public Page<BannedMember> listBanned(String groupId, PageRequest request) {
            record("members.listBanned", groupId, request);
            return Page.of(List.of(), null);
        }
    };
}

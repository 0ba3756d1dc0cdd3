package dev.chatdirectory.testkit.proof;

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
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A directory that forwards everything to another; the broken fixtures override one facet to
 * plant the defect the suite must catch.
 */
class ForwardingChatDirectory implements ChatDirectory {

    private final ChatDirectory delegate;

    ForwardingChatDirectory(ChatDirectory delegate) {
        this.delegate = delegate;
    }

    @Override
    public UserOperations users() {
        return delegate.users();
    }

    @Override
    public PresenceOperations presence() {
        return delegate.presence();
    }

    @Override
    public GroupOperations groups() {
        return delegate.groups();
    }

    @Override
    public MemberOperations members() {
        return delegate.members();
    }

    @Override
    public ProviderDescriptor provider() {
        return delegate.provider();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Forwards every user operation. */
    static class ForwardingUsers implements UserOperations {
        private final UserOperations delegate;

        ForwardingUsers(UserOperations delegate) {
            this.delegate = delegate;
        }

        @Override
        public User create(UserCreate request) {
            return delegate.create(request);
        }

        @Override
        public Optional<User> get(String userId) {
            return delegate.get(userId);
        }

        @Override
        public User update(String userId, UserUpdate update) {
            return delegate.update(userId, update);
        }

        @Override
        public boolean delete(String userId) {
            return delegate.delete(userId);
        }

        @Override
        public boolean deactivate(String userId) {
            return delegate.deactivate(userId);
        }

        @Override
        public boolean reactivate(String userId) {
            return delegate.reactivate(userId);
        }

        @Override
        public Page<User> list(UserQuery query) {
            return delegate.list(query);
        }
    }

    /** Forwards every group operation. */
    static class ForwardingGroups implements GroupOperations {
        private final GroupOperations delegate;

        ForwardingGroups(GroupOperations delegate) {
            this.delegate = delegate;
        }

        @Override
        public Group create(GroupCreate request) {
            return delegate.create(request);
        }

        @Override
        public Optional<Group> get(String groupId) {
            return delegate.get(groupId);
        }

        @Override
        public Group update(String groupId, GroupUpdate update) {
            return delegate.update(groupId, update);
        }

        @Override
        public boolean delete(String groupId) {
            return delegate.delete(groupId);
        }

        @Override
        public Group transferOwnership(String groupId, String newOwnerId) {
            return delegate.transferOwnership(groupId, newOwnerId);
        }

        @Override
        public Page<Group> list(GroupQuery query) {
            return delegate.list(query);
        }

        @Override
        public Page<Group> listForMember(String userId, PageRequest request) {
            return delegate.listForMember(userId, request);
        }
    }

    /** Forwards every member operation. */
    static class ForwardingMembers implements MemberOperations {
        private final MemberOperations delegate;

        ForwardingMembers(MemberOperations delegate) {
            this.delegate = delegate;
        }

        @Override
        public BatchResult add(String groupId, Collection<MemberSpec> members) {
            return delegate.add(groupId, members);
        }

        @Override
        public BatchResult remove(String groupId, Collection<String> userIds) {
            return delegate.remove(groupId, userIds);
        }

        @Override
        public Page<Member> list(String groupId, MemberQuery query) {
            return delegate.list(groupId, query);
        }

        @Override
        public ItemOutcome changeRole(String groupId, String userId, MemberRole role) {
            return delegate.changeRole(groupId, userId, role);
        }

        @Override
        public BatchResult ban(String groupId, Collection<String> userIds) {
            return delegate.ban(groupId, userIds);
        }

        @Override
        public BatchResult unban(String groupId, Collection<String> userIds) {
            return delegate.unban(groupId, userIds);
        }

        @Override
        public Page<BannedMember> listBanned(String groupId, PageRequest request) {
            return delegate.listBanned(groupId, request);
        }
    }

    /** Forwards presence reads. */
    static class ForwardingPresence implements PresenceOperations {
        private final PresenceOperations delegate;

        ForwardingPresence(PresenceOperations delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, Presence> get(Collection<String> userIds) {
            return delegate.get(userIds);
        }
    }
}

package dev.chatdirectory.spi;

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
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory that forwards every call to another, for wrappers (a provider built on another
 * directory, a decorator that adds logging or metrics) and test doubles: a subclass overrides the
 * facet or method it changes and inherits the rest. The nested {@code Forwarding*} facet classes
 * do the same for one facet, default methods included, so a delegate's own streaming is kept.
 *
 * <p>A wrapper that is a provider of its own returns its own descriptor from {@link #provider()}
 * and is wrapped with {@link GuardedChatDirectory#wrap} under that descriptor, which also reports
 * the delegate's exceptions under the wrapper's provider id.
 *
 * <p>{@link #unwrap} answers with this directory when it is of the requested type, otherwise asks
 * the delegate. Thread-safe when the delegate is.
 */
public abstract class ForwardingChatDirectory implements ChatDirectory {

    private final ChatDirectory delegate;

    /**
     * Creates the forwarder.
     *
     * @param delegate the directory every call goes to
     * @throws NullPointerException if {@code delegate} is {@code null}
     */
    protected ForwardingChatDirectory(ChatDirectory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@return the directory every call goes to} */
    protected final ChatDirectory delegate() {
        return delegate;
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

    /**
     * Forwards every {@link UserOperations} method, the default ones included, to another; subclasses
     * override what they change. Thread-safe when the delegate is.
     */
    public abstract static class ForwardingUsers implements UserOperations {
        private final UserOperations delegate;

        /**
         * Creates the forwarder.
         *
         * @param delegate the operations every call goes to
         * @throws NullPointerException if {@code delegate} is {@code null}
         */
        protected ForwardingUsers(UserOperations delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** {@return the operations every call goes to} */
        protected final UserOperations delegate() {
            return delegate;
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

        @Override
        public Stream<User> stream(UserQuery query) {
            return delegate.stream(query);
        }
    }

    /**
     * Forwards every {@link PresenceOperations} method, the default ones included, to another; subclasses
     * override what they change. Thread-safe when the delegate is.
     */
    public abstract static class ForwardingPresence implements PresenceOperations {
        private final PresenceOperations delegate;

        /**
         * Creates the forwarder.
         *
         * @param delegate the operations every call goes to
         * @throws NullPointerException if {@code delegate} is {@code null}
         */
        protected ForwardingPresence(PresenceOperations delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** {@return the operations every call goes to} */
        protected final PresenceOperations delegate() {
            return delegate;
        }

        @Override
        public Map<String, Presence> get(Collection<String> userIds) {
            return delegate.get(userIds);
        }

        @Override
        public Presence get(String userId) {
            return delegate.get(userId);
        }
    }

    /**
     * Forwards every {@link GroupOperations} method, the default ones included, to another; subclasses
     * override what they change. Thread-safe when the delegate is.
     */
    public abstract static class ForwardingGroups implements GroupOperations {
        private final GroupOperations delegate;

        /**
         * Creates the forwarder.
         *
         * @param delegate the operations every call goes to
         * @throws NullPointerException if {@code delegate} is {@code null}
         */
        protected ForwardingGroups(GroupOperations delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** {@return the operations every call goes to} */
        protected final GroupOperations delegate() {
            return delegate;
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
        public Stream<Group> stream(GroupQuery query) {
            return delegate.stream(query);
        }

        @Override
        public Page<Group> listForMember(String userId, PageRequest request) {
            return delegate.listForMember(userId, request);
        }

        @Override
        public Stream<Group> streamForMember(String userId, PageRequest request) {
            return delegate.streamForMember(userId, request);
        }
    }

    /**
     * Forwards every {@link MemberOperations} method, the default ones included, to another; subclasses
     * override what they change. Thread-safe when the delegate is.
     */
    public abstract static class ForwardingMembers implements MemberOperations {
        private final MemberOperations delegate;

        /**
         * Creates the forwarder.
         *
         * @param delegate the operations every call goes to
         * @throws NullPointerException if {@code delegate} is {@code null}
         */
        protected ForwardingMembers(MemberOperations delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        /** {@return the operations every call goes to} */
        protected final MemberOperations delegate() {
            return delegate;
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
        public Stream<Member> stream(String groupId, MemberQuery query) {
            return delegate.stream(groupId, query);
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

        @Override
        public Stream<BannedMember> streamBanned(String groupId, PageRequest request) {
            return delegate.streamBanned(groupId, request);
        }
    }
}

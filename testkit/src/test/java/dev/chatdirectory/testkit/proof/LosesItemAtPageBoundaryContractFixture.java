package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.spi.ForwardingChatDirectory;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;

/**
 * A broken provider: every page that has a next page loses its last item, as an adapter does when it
 * computes the next offset one too far. The pagination tests, and the walk of a user's groups, must
 * fail.
 */
class LosesItemAtPageBoundaryContractFixture extends ChatDirectoryContract {

    @Override
    protected ContractBackend backend() {
        return MemoryBackend.withPresenceHook();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return new ForwardingChatDirectory(MemoryChatDirectory.builder().build()) {
            @Override
            public UserOperations users() {
                return new ForwardingUsers(super.users()) {
                    @Override
                    public Page<User> list(UserQuery query) {
                        return dropLastBeforeBoundary(super.list(query));
                    }
                };
            }

            @Override
            public GroupOperations groups() {
                return new ForwardingGroups(super.groups()) {
                    @Override
                    public Page<Group> list(GroupQuery query) {
                        return dropLastBeforeBoundary(super.list(query));
                    }

                    @Override
                    public Page<Group> listForMember(String userId, PageRequest request) {
                        return dropLastBeforeBoundary(super.listForMember(userId, request));
                    }
                };
            }

            @Override
            public MemberOperations members() {
                return new ForwardingMembers(super.members()) {
                    @Override
                    public Page<Member> list(String groupId, MemberQuery query) {
                        return dropLastBeforeBoundary(super.list(groupId, query));
                    }
                };
            }
        };
    }

    private static <T> Page<T> dropLastBeforeBoundary(Page<T> page) {
        if (!page.hasNext() || page.items().isEmpty()) {
            return page;
        }
        return new Page<>(page.items().subList(0, page.items().size() - 1), page.nextCursor());
    }
}

package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.spi.ForwardingChatDirectory;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;
import java.util.List;

/**
 * A broken provider: updating a user that does not exist returns a made-up user instead of
 * throwing, and the groups of a user that does not exist are an empty page, as an adapter does
 * when it maps a vendor's "not found" envelope to an empty success. The not-found tests of the
 * users, groups of a member and errors groups must fail.
 */
class SwallowsNotFoundContractFixture extends ChatDirectoryContract {

    @Override
    protected ContractBackend backend() {
        return MemoryBackend.withPresenceHook();
    }

    @Override
    protected ChatDirectory createDirectory(ContractEnvironment environment) {
        return new ForwardingChatDirectory(MemoryChatDirectory.builder().build()) {
            @Override
            public GroupOperations groups() {
                return new ForwardingGroups(super.groups()) {
                    @Override
                    public Page<Group> listForMember(String userId, PageRequest request) {
                        try {
                            return super.listForMember(userId, request);
                        } catch (NotFoundException e) {
                            return Page.of(List.of(), null);
                        }
                    }
                };
            }

            @Override
            public UserOperations users() {
                return new ForwardingUsers(super.users()) {
                    @Override
                    public User update(String userId, UserUpdate update) {
                        try {
                            return super.update(userId, update);
                        } catch (NotFoundException e) {
                            return User.builder(userId, update.name().setValue().orElse(userId))
                                    .build();
                        }
                    }
                };
            }
        };
    }
}

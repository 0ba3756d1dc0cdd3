package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.Patch;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.spi.ForwardingChatDirectory;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;

/**
 * A broken provider: a user update replaces the whole user, so every optional field the update
 * does not mention is cleared, as an adapter does when it PUTs only the fields it was given. The
 * patch tests of the users group must fail.
 */
class IgnoresPatchSemanticsContractFixture extends ChatDirectoryContract {

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
                    public User update(String userId, UserUpdate update) {
                        if (update == null) {
                            return super.update(userId, null);
                        }
                        return super.update(
                                userId,
                                new UserUpdate(
                                        update.name(),
                                        replace(update.avatarUrl()),
                                        replace(update.profileUrl()),
                                        replace(update.email()),
                                        replace(update.role()),
                                        replace(update.metadata())));
                    }
                };
            }
        };
    }

    private static <T> Patch<T> replace(Patch<T> patch) {
        return patch.isUnchanged() ? Patch.clear() : patch;
    }
}

package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.spi.ForwardingChatDirectory;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;

/**
 * A broken provider: a create checks that the id is free, then registers the user through an
 * upsert that never refuses, as the Qiscus adapter did with {@code login_or_register}. Creates of
 * one id racing through the gap are all told they created the user, so the concurrent-create test
 * of the users group must fail.
 */
class RacesOnCreateContractFixture extends ChatDirectoryContract {

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
                    public User create(UserCreate request) {
                        if (request == null || get(request.id()).isPresent()) {
                            return super.create(request);
                        }
                        // The round trip between check and register, in which other creates pass the check.
                        pause();
                        try {
                            return super.create(request);
                        } catch (AlreadyExistsException upserted) {
                            return get(request.id()).orElseThrow(() -> upserted);
                        }
                    }
                };
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

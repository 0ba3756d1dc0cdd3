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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        // Per id, counts the creates that passed the check; see create.
        Map<String, CountDownLatch> checked = new ConcurrentHashMap<>();
        return new ForwardingChatDirectory(MemoryChatDirectory.builder().build()) {
            @Override
            public UserOperations users() {
                return new ForwardingUsers(super.users()) {
                    @Override
                    public User create(UserCreate request) {
                        if (request == null || get(request.id()).isPresent()) {
                            return super.create(request);
                        }
                        if (request.id().contains("racer")) {
                            // The round trip between check and register, in which another create of the
                            // same id passes the check: waited for, not slept, so that a loaded machine
                            // cannot run the racers one after the other and hide the defect.
                            CountDownLatch passed = checked.computeIfAbsent(request.id(), id -> new CountDownLatch(2));
                            passed.countDown();
                            awaitAnother(passed);
                        }
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

    private static void awaitAnother(CountDownLatch passed) {
        try {
            passed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.spi.ForwardingChatDirectory;
import dev.chatdirectory.testkit.ChatDirectoryContract;
import dev.chatdirectory.testkit.ContractBackend;
import dev.chatdirectory.testkit.ContractEnvironment;
import java.util.stream.Stream;

/**
 * A broken provider: listings that include deactivated users report them as active, as an adapter
 * does when it ignores the vendor's deactivation field. The test of deactivated users in listings
 * must fail; a migration would otherwise copy them as active users.
 */
class ListsDeactivatedAsActiveContractFixture extends ChatDirectoryContract {

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
                        Page<User> page = super.list(query);
                        return Page.of(
                                page.items().stream()
                                        .map(u ->
                                                u.toBuilder().deactivated(false).build())
                                        .toList(),
                                page.nextCursor().orElse(null));
                    }

                    @Override
                    public Stream<User> stream(UserQuery query) {
                        return super.stream(query)
                                .map(u -> u.toBuilder().deactivated(false).build());
                    }
                };
            }
        };
    }
}

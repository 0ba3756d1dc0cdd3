package dev.chatdirectory.testkit.proof;

import dev.chatdirectory.provider.memory.MemoryChatDirectory;
import dev.chatdirectory.testkit.ContractBackend;

/** The contract backend of the in-memory provider: no server, presence set through the directory's test hook. */
final class MemoryBackend {

    private MemoryBackend() {}

    /** Returns a backend whose presence control reaches {@link MemoryChatDirectory#setPresence} through unwrap. */
    static ContractBackend withPresenceHook() {
        return ContractBackend.builder()
                .presenceControl((directory, userId, state, lastActiveAt) ->
                        directory.unwrap(MemoryChatDirectory.class).setPresence(userId, state, lastActiveAt))
                .build();
    }
}

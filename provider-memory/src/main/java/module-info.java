/** The in-memory reference provider, provider id {@code memory}. */
module dev.chatdirectory.provider.memory {
    requires transitive dev.chatdirectory;

    exports dev.chatdirectory.provider.memory;

    provides dev.chatdirectory.spi.ChatDirectoryProvider with
            dev.chatdirectory.provider.memory.MemoryChatDirectoryProvider;
}

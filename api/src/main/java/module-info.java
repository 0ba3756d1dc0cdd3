/**
 * The provider-neutral ChatDirectory API: {@link dev.chatdirectory.ChatDirectories} finds providers
 * with {@link java.util.ServiceLoader}, so on the module path any module that {@code provides}
 * {@link dev.chatdirectory.spi.ChatDirectoryProvider} is bound without naming it.
 */
module dev.chatdirectory {
    exports dev.chatdirectory;
    exports dev.chatdirectory.model;
    exports dev.chatdirectory.spi;

    uses dev.chatdirectory.spi.ChatDirectoryProvider;
}

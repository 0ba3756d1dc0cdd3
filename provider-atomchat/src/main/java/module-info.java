/**
 * The AtomChat v2 adapter, provider id {@code atomchat}. Open because Guice, Jackson and Feign reach its
 * {@code .internal} wiring and wire types by reflection; only the root package is exported.
 */
open module dev.chatdirectory.provider.atomchat {
    requires transitive dev.chatdirectory;
    requires dev.chatdirectory.http;
    requires org.slf4j;

    exports dev.chatdirectory.provider.atomchat;

    provides dev.chatdirectory.spi.ChatDirectoryProvider with
            dev.chatdirectory.provider.atomchat.AtomChatProvider;
}

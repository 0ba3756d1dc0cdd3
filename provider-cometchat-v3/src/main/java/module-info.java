/**
 * The CometChat v3 adapter, provider id {@code cometchat-v3}. Open because Guice, Jackson and Feign reach its
 * {@code .internal} wiring and wire types by reflection; only the root package is exported.
 */
open module dev.chatdirectory.provider.cometchat {
    requires transitive dev.chatdirectory;
    requires dev.chatdirectory.http;

    exports dev.chatdirectory.provider.cometchat;

    provides dev.chatdirectory.spi.ChatDirectoryProvider with
            dev.chatdirectory.provider.cometchat.CometChatProvider;
}

/**
 * The Qiscus SDK REST v2.1 adapter, provider id {@code qiscus}. Open because Guice, Jackson and Feign reach its
 * {@code .internal} wiring and wire types by reflection; only the root package is exported.
 */
open module dev.chatdirectory.provider.qiscus {
    requires transitive dev.chatdirectory;
    requires dev.chatdirectory.http;

    exports dev.chatdirectory.provider.qiscus;

    provides dev.chatdirectory.spi.ChatDirectoryProvider with
            dev.chatdirectory.provider.qiscus.QiscusProvider;
}

package dev.chatdirectory;

import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens directories through the providers on the class path.
 *
 * <p>The provider is the one the configuration names, or, when it names none, the only vendor
 * provider on the class path, so that an application changes vendor by changing a dependency
 * and its configuration. Every method looks providers up afresh with the thread's context class
 * loader; use {@link ProviderRegistry} to control the class loader or to list providers once.
 * Thread-safe.
 */
public final class ChatDirectories {

    private ChatDirectories() {}

    /**
     * Opens a directory.
     *
     * @param config the configuration; its provider id, if set, picks the provider
     * @param required capabilities the application cannot do without
     * @return the directory; close it when done
     * @throws ConfigurationException if no provider can be picked (the message lists the ids
     *     found), a required property is missing or config is {@code null}
     * @throws UnsupportedCapabilityException naming every required capability the provider lacks
     */
    public static ChatDirectory open(ProviderConfig config, Capability... required) {
        return registry().open(config, required);
    }

    /**
     * Opens a directory configured by properties ({@code chatdirectory.provider} and {@code
     * chatdirectory.<id>.<key>}), e.g. loaded from a file.
     *
     * @param properties the properties
     * @param required capabilities the application cannot do without
     * @return the directory
     * @throws ConfigurationException if no provider can be picked, a setting is missing or
     *     malformed, or properties is {@code null}
     * @throws UnsupportedCapabilityException naming every required capability the provider lacks
     */
    public static ChatDirectory open(Properties properties, Capability... required) {
        return open(properties, ConfigPrefix.DEFAULT, required);
    }

    /**
     * Opens a directory configured by properties under a prefix ({@code <prefix>provider} and
     * {@code <prefix><id>.<key>}), e.g. the source of a migration from {@code
     * chatdirectory.source.*} of a file that also holds its target.
     *
     * @param properties the properties
     * @param prefix where this directory's keys live, e.g. {@code ConfigPrefix.scoped("source")}
     * @param required capabilities the application cannot do without
     * @return the directory
     * @throws ConfigurationException if no provider can be picked, a setting is missing or
     *     malformed, or properties or prefix is {@code null}
     * @throws UnsupportedCapabilityException naming every required capability the provider lacks
     */
    public static ChatDirectory open(Properties properties, ConfigPrefix prefix, Capability... required) {
        ProviderConfig.required("properties", properties);
        ProviderConfig.required("prefix", prefix);
        ProviderRegistry registry = registry();
        String id = registry.select(ProviderConfig.providerIdIn(properties, prefix))
                .descriptor()
                .id();
        return registry.open(ProviderConfig.fromProperties(properties, prefix, id), required);
    }

    /**
     * Opens a directory configured by environment variables ({@code CHATDIRECTORY_PROVIDER},
     * {@code CHATDIRECTORY_<ID>_<KEY>}) and system properties (same keys as {@link
     * #open(Properties, Capability...)}); system properties win.
     *
     * @param required capabilities the application cannot do without
     * @return the directory
     * @throws ConfigurationException if no provider can be picked or a setting is missing or malformed
     * @throws UnsupportedCapabilityException naming every required capability the provider lacks
     */
    public static ChatDirectory openFromEnvironment(Capability... required) {
        return openFromEnvironment(ConfigPrefix.DEFAULT, required);
    }

    /**
     * Opens a directory configured under a prefix by environment variables ({@code
     * <PREFIX>PROVIDER}, {@code <PREFIX><ID>_<KEY>}) and system properties ({@code
     * <prefix>provider}, {@code <prefix><id>.<key>}); system properties win. E.g. {@code
     * ConfigPrefix.scoped("target")} reads {@code CHATDIRECTORY_TARGET_*} and {@code
     * chatdirectory.target.*}.
     *
     * @param prefix where this directory's settings live
     * @param required capabilities the application cannot do without
     * @return the directory
     * @throws ConfigurationException if no provider can be picked, a setting is missing or
     *     malformed, or prefix is {@code null}
     * @throws UnsupportedCapabilityException naming every required capability the provider lacks
     */
    public static ChatDirectory openFromEnvironment(ConfigPrefix prefix, Capability... required) {
        return openFrom(System.getenv(), System.getProperties(), prefix, required);
    }

    static ChatDirectory openFrom(Map<String, String> environment, Properties system, Capability... required) {
        return openFrom(environment, system, ConfigPrefix.DEFAULT, required);
    }

    static ChatDirectory openFrom(
            Map<String, String> environment, Properties system, ConfigPrefix prefix, Capability... required) {
        ProviderConfig.required("prefix", prefix);
        ProviderRegistry registry = registry();
        Optional<String> named =
                ProviderConfig.providerIdIn(system, prefix).or(() -> ProviderConfig.providerIdIn(environment, prefix));
        String id = registry.select(named).descriptor().id();
        // Settings are layered one by one, not merged as two finished configurations: a retry or
        // rate-limit setting in the system properties must not reset the environment's others.
        return registry.open(ProviderConfig.fromEnvironmentAndProperties(environment, system, prefix, id), required);
    }

    /** {@return the descriptors of the providers on the class path} */
    public static List<ProviderDescriptor> providers() {
        return registry().descriptors();
    }

    private static ProviderRegistry registry() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ProviderRegistry.load(loader == null ? ChatDirectories.class.getClassLoader() : loader);
    }
}

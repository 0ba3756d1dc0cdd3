package dev.chatdirectory;

import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of providers, usually those found on the class path by {@link ServiceLoader}, and the
 * rules that pick one.
 *
 * <p>Discovery isolates broken providers: a provider whose class cannot be loaded or
 * instantiated is skipped and its error kept in {@link #loadErrors()}, so one bad jar does not
 * hide the others. Picking follows jclouds and SLF4J: by id when one is configured; otherwise the
 * one provider on the class path other than {@code memory}; otherwise a {@link
 * ConfigurationException} listing what was found.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderRegistry {

    /** Id of the in-memory reference provider, never picked implicitly. */
    public static final String MEMORY_PROVIDER_ID = "memory";

    private final Map<String, ChatDirectoryProvider> providers;
    private final List<String> loadErrors;

    private ProviderRegistry(Map<String, ChatDirectoryProvider> providers, List<String> loadErrors) {
        this.providers = Collections.unmodifiableMap(providers);
        this.loadErrors = List.copyOf(loadErrors);
    }

    /**
     * Finds the providers registered in {@code META-INF/services} of a class loader.
     *
     * @param classLoader where to look
     * @return the registry
     * @throws ConfigurationException if two providers declare the same id
     */
    public static ProviderRegistry load(ClassLoader classLoader) {
        List<ChatDirectoryProvider> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Iterator<ChatDirectoryProvider> it =
                ServiceLoader.load(ChatDirectoryProvider.class, classLoader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                errors.add(describe(e));
            }
        }
        return of(found, errors);
    }

    /**
     * Describes a loading error with its causes: the service loader's own message only says that a
     * provider "could not be instantiated", the cause says why (a missing class, a failing
     * constructor).
     */
    private static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            sb.append(": ").append(cause);
        }
        return sb.toString();
    }

    /**
     * Returns a registry of the given providers, without the service loader.
     *
     * @param providers the providers
     * @return the registry
     * @throws ConfigurationException if two providers declare the same id
     */
    public static ProviderRegistry of(ChatDirectoryProvider... providers) {
        return of(Arrays.asList(providers), List.of());
    }

    private static ProviderRegistry of(List<ChatDirectoryProvider> list, List<String> errors) {
        Map<String, ChatDirectoryProvider> byId = new LinkedHashMap<>();
        List<String> loadErrors = new ArrayList<>(errors);
        for (ChatDirectoryProvider provider : list) {
            ProviderDescriptor descriptor;
            try {
                descriptor = provider.descriptor();
            } catch (RuntimeException | LinkageError e) {
                loadErrors.add(provider.getClass().getName() + ": descriptor failed: " + e);
                continue;
            }
            ChatDirectoryProvider previous = byId.putIfAbsent(descriptor.id(), provider);
            if (previous != null) {
                throw new ConfigurationException(
                        "provider id '" + descriptor.id() + "' is declared by both "
                                + previous.getClass().getName() + " and "
                                + provider.getClass().getName() + "; remove one of the jars",
                        ErrorContext.none());
            }
        }
        return new ProviderRegistry(byId, loadErrors);
    }

    /** {@return the descriptors of every provider, in discovery order} */
    public List<ProviderDescriptor> descriptors() {
        return providers.values().stream()
                .map(ChatDirectoryProvider::descriptor)
                .toList();
    }

    /** {@return the ids of every provider, in discovery order} */
    public Set<String> ids() {
        return providers.keySet();
    }

    /** {@return the errors of providers that could not be loaded; empty when all loaded} */
    public List<String> loadErrors() {
        return loadErrors;
    }

    /**
     * Returns the provider with an id.
     *
     * @param id the provider id
     * @return the provider, empty if none has that id
     */
    public Optional<ChatDirectoryProvider> find(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /**
     * Picks a provider: the one with the given id, or, without an id, the only provider other
     * than {@code memory}.
     *
     * @param id the configured id, or empty
     * @return the provider
     * @throws ConfigurationException listing the ids found when none or several qualify
     */
    public ChatDirectoryProvider select(Optional<String> id) {
        if (id.isPresent()) {
            return find(id.get())
                    .orElseThrow(() -> failure("no provider with id '" + id.get() + "' on the class path"));
        }
        List<ChatDirectoryProvider> candidates = providers.entrySet().stream()
                .filter(e -> !e.getKey().equals(MEMORY_PROVIDER_ID))
                .map(Map.Entry::getValue)
                .toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw failure(
                candidates.isEmpty()
                        ? "no provider configured and no vendor provider on the class path"
                        : "no provider configured and several vendor providers on the class path");
    }

    /**
     * Picks a provider for a configuration and opens a directory, after checking that it
     * declares the required capabilities.
     *
     * @param config the configuration; its provider id, if set, picks the provider
     * @param required capabilities the application cannot do without
     * @return the opened directory
     * @throws ConfigurationException if no provider can be picked, the configuration is incomplete
     *     or {@code null}, or a required capability is {@code null}
     * @throws UnsupportedCapabilityException naming every required capability the provider
     *     lacks, before anything is opened
     */
    public ChatDirectory open(ProviderConfig config, Capability... required) {
        ProviderConfig.required("config", config);
        ProviderConfig.required("required capabilities", required);
        ChatDirectoryProvider provider = select(config.providerId());
        ProviderDescriptor descriptor = provider.descriptor();
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        for (Capability capability : required) {
            if (!descriptor.supports(ProviderConfig.required("a required capability", capability))) {
                missing.add(capability);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnsupportedCapabilityException(descriptor.id(), missing);
        }
        return provider.open(config.toBuilder().provider(descriptor.id()).build());
    }

    private ConfigurationException failure(String problem) {
        StringBuilder message = new StringBuilder(problem)
                .append("; found: ")
                .append(providers.isEmpty() ? "none" : String.join(", ", providers.keySet()))
                .append(". Name one with the property chatdirectory.provider, the environment variable "
                        + "CHATDIRECTORY_PROVIDER or ProviderConfig.builder().provider(id)");
        if (!loadErrors.isEmpty()) {
            message.append(". Providers that failed to load: ")
                    .append(loadErrors.stream().collect(Collectors.joining("; ")));
        }
        return new ConfigurationException(message.toString(), ErrorContext.none());
    }
}

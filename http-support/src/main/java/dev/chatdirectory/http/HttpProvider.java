package dev.chatdirectory.http;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The base of every HTTP provider: its descriptor, and {@link #open} through the provider's own
 * {@link HttpDirectoryBuilder} (which knows the vendor's default base URL). A provider subclasses
 * it with a public no-argument constructor, for {@link java.util.ServiceLoader}:
 *
 * <pre>{@code
 * public AcmeProvider() {
 *     super(DESCRIPTOR, AcmeProvider::builder);
 * }
 * }</pre>
 *
 * <p>Thread-safe; the constructor does no I/O.
 */
public abstract class HttpProvider implements ChatDirectoryProvider {

    private final ProviderDescriptor descriptor;
    private final Supplier<? extends HttpDirectoryBuilder<?>> builders;

    /**
     * Creates the provider.
     *
     * @param descriptor what the provider is and can do
     * @param builders makes a new builder of the provider's directories for each {@link #open}
     */
    protected HttpProvider(ProviderDescriptor descriptor, Supplier<? extends HttpDirectoryBuilder<?>> builders) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.builders = Objects.requireNonNull(builders, "builders");
    }

    @Override
    public final ProviderDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Opens a directory with the provider's default parts; the provider's builder replaces them.
     *
     * @param config the configuration
     * @return the directory
     * @throws dev.chatdirectory.ConfigurationException if a required property is missing or invalid
     */
    @Override
    public final ChatDirectory open(ProviderConfig config) {
        return builders.get().config(config).build();
    }
}

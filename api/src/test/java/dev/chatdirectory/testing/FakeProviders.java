package dev.chatdirectory.testing;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.ChatDirectoryProvider;
import dev.chatdirectory.spi.GuardedChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Providers for discovery tests: each public nested class has a public no-argument constructor,
 * as {@link java.util.ServiceLoader} needs, and counts how often it was opened.
 */
public final class FakeProviders {

    private static final Map<String, AtomicInteger> OPENS = new ConcurrentHashMap<>();
    private static volatile ProviderConfig lastConfig;

    private FakeProviders() {}

    /** Forgets every open. */
    public static void reset() {
        OPENS.clear();
        lastConfig = null;
    }

    /** {@return how often a provider with this id was opened since the last reset} */
    public static int opens(String id) {
        AtomicInteger count = OPENS.get(id);
        return count == null ? 0 : count.get();
    }

    /** {@return the configuration of the last open} */
    public static ProviderConfig lastConfig() {
        return lastConfig;
    }

    /**
     * Writes a {@code META-INF/services} file listing the given class names into a directory and
     * returns a class loader that sees it (and, through its parent, the test classes).
     */
    public static URLClassLoader loaderWith(Path directory, String... classNames) {
        try {
            Path services = directory.resolve("META-INF/services");
            Files.createDirectories(services);
            Files.writeString(
                    services.resolve(ChatDirectoryProvider.class.getName()),
                    "# fake providers\n" + String.join("\n", classNames) + "\n");
            return new URLClassLoader(new URL[] {directory.toUri().toURL()}, FakeProviders.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider that declares the given id and capabilities and opens guarded recording directories. */
    public abstract static class Base implements ChatDirectoryProvider {
        private final ProviderDescriptor descriptor;

        protected Base(String id, Set<Capability> capabilities) {
            this.descriptor = Descriptors.descriptor(id, capabilities);
        }

        @Override
        public ProviderDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public ChatDirectory open(ProviderConfig config) {
            OPENS.computeIfAbsent(descriptor.id(), k -> new AtomicInteger()).incrementAndGet();
            lastConfig = config;
            return GuardedChatDirectory.wrap(descriptor, new RecordingDirectory(descriptor));
        }
    }

    /** Id {@code alpha}: every capability but PRESENCE and MEMBER_BANS. */
    public static final class Alpha extends Base {
        public Alpha() {
            super("alpha", Descriptors.allBut(Capability.PRESENCE, Capability.MEMBER_BANS));
        }
    }

    /** Id {@code beta}: every capability. */
    public static final class Beta extends Base {
        public Beta() {
            super("beta", Descriptors.all());
        }
    }

    /** Id {@code memory}, like the reference provider: every capability. */
    public static final class Memory extends Base {
        public Memory() {
            super("memory", Descriptors.all());
        }
    }

    /** Another provider claiming id {@code alpha}. */
    public static final class AlphaAgain extends Base {
        public AlphaAgain() {
            super("alpha", Descriptors.all());
        }
    }

    /** A provider whose constructor fails, as when a dependency is missing. */
    public static final class ThrowingConstructor extends Base {
        public ThrowingConstructor() {
            super("broken", Descriptors.all());
            throw new IllegalStateException("vendor SDK licence file not found");
        }
    }

    /** A provider whose descriptor fails. */
    public static final class ThrowingDescriptor implements ChatDirectoryProvider {
        public ThrowingDescriptor() {}

        @Override
        public ProviderDescriptor descriptor() {
            throw new IllegalStateException("descriptor exploded");
        }

        @Override
        public ChatDirectory open(ProviderConfig config) {
            throw new AssertionError("never opened");
        }
    }
}

package dev.chatdirectory.testkit;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.spi.ForwardingChatDirectory;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records the text of every exception a directory under test throws, expected or not, and of
 * every value its facets return, so that a leak check can prove no secret ever reaches an
 * exception message or a returned model (its {@code toString()}, raw payload included).
 *
 * <p>Thread-safe; the record lives for the JVM (one test run).
 */
final class ThrownExceptions {

    private static final ConcurrentLinkedQueue<String> TEXTS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> RESULTS = new ConcurrentLinkedQueue<>();
    private static final Set<String> SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ThrownExceptions() {}

    /** {@return the texts recorded so far: messages, {@code toString()}s and context of each cause} */
    static List<String> texts() {
        return List.copyOf(TEXTS);
    }

    /** {@return the {@code toString()}s of the values returned so far} */
    static List<String> results() {
        return List.copyOf(RESULTS);
    }

    /** Remembers the values of the credentials the provider declares secret, for leak checks. */
    static void rememberSecrets(ProviderDescriptor provider, dev.chatdirectory.ProviderConfig config) {
        provider.credentials().stream()
                .filter(dev.chatdirectory.spi.CredentialSpec::secret)
                .forEach(spec -> config.property(spec.name()).ifPresent(SECRETS::add));
    }

    /** {@return the secret values the directories under test were configured with} */
    static Set<String> secrets() {
        return Set.copyOf(SECRETS);
    }

    /** {@return a directory that behaves like the given one and records what it throws} */
    static ChatDirectory recording(ChatDirectory directory) {
        return new Recording(directory);
    }

    static void record(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(thrown));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(pending.size() - 1);
            if (t == null || !seen.add(t)) {
                continue;
            }
            TEXTS.add(String.valueOf(t));
            TEXTS.add(String.valueOf(t.getMessage()));
            if (t instanceof ChatDirectoryException e) {
                TEXTS.add(String.valueOf(e.context()));
            }
            pending.add(t.getCause());
            pending.addAll(List.of(t.getSuppressed()));
        }
    }

    private static <T> T recordingFacet(Class<T> type, T facet) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                Object result = method.invoke(facet, args);
                RESULTS.add(String.valueOf(result));
                return result;
            } catch (InvocationTargetException e) {
                record(e.getCause());
                throw e.getCause();
            }
        }));
    }

    private static final class Recording extends ForwardingChatDirectory {

        Recording(ChatDirectory delegate) {
            super(delegate);
        }

        @Override
        public UserOperations users() {
            return recordingFacet(UserOperations.class, super.users());
        }

        @Override
        public PresenceOperations presence() {
            return recordingFacet(PresenceOperations.class, super.presence());
        }

        @Override
        public GroupOperations groups() {
            return recordingFacet(GroupOperations.class, super.groups());
        }

        @Override
        public MemberOperations members() {
            return recordingFacet(MemberOperations.class, super.members());
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            try {
                return delegate().unwrap(type);
            } catch (RuntimeException e) {
                record(e);
                throw e;
            }
        }

        @Override
        public String toString() {
            String text = delegate().toString();
            TEXTS.add(text);
            return text;
        }
    }
}

package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.spi.ProviderDescriptor;
import feign.RequestLine;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What opening a directory costs a fresh JVM. Guice generates a class (with ASM) for every
 * non-private constructor and provider method it calls, which a directory opened once per JVM pays
 * for at every cold start; the shared module keeps its provider methods private so that Guice calls
 * them by reflection. Runs in a child JVM without the test build's Guice flags, as an application
 * runs.
 */
@DisplayName("Opening an HTTP directory in a fresh JVM")
class ColdStartTest {

    @Test
    @DisplayName("generates no class: the shared module's provider methods are called by reflection")
    void generatesNoClass() throws IOException, InterruptedException {
        List<String> loaded = classesLoadedBy(OpenOnce.class);

        assertThat(loaded)
                .as("the child JVM opened a directory")
                .anyMatch(c -> c.equals(HttpDirectoryModule.class.getName()));
        assertThat(loaded).noneMatch(c -> c.contains("$$FastClassByGuice$$"));
        assertThat(loaded).noneMatch(c -> c.startsWith("com.google.inject.internal.asm.$ClassWriter"));
    }

    private static List<String> classesLoadedBy(Class<?> main) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xlog:class+load=info:stdout:tags",
                        "-cp",
                        System.getProperty("java.class.path"),
                        main.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        // Lines read "[class,load] name source: ..."
        return output.lines()
                .filter(line -> line.startsWith("[class,load] "))
                .map(line -> line.substring("[class,load] ".length()).split(" ", 2)[0])
                .toList();
    }

    /** Opens one directory and closes it; sends nothing. */
    static final class OpenOnce {
        public static void main(String[] args) {
            ProviderConfig config = ProviderConfig.builder()
                    .endpoint(URI.create("http://127.0.0.1:9/v1"))
                    .build();
            try (ChatDirectory directory = new Builder().config(config).build()) {
                directory.unwrap(HttpClient.class);
            }
        }
    }

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder("cold")
            .displayName("Cold")
            .capabilities(EnumSet.noneOf(Capability.class))
            .build();

    interface ColdApi {
        @RequestLine("GET /users")
        String users();
    }

    /** A vendor module as the providers write theirs: private provider methods and constructors. */
    static final class Module extends HttpDirectoryModule {
        Module(HttpDirectorySettings settings) {
            super(settings);
        }

        @Override
        protected void configureProvider() {
            bind(ErrorMapper.class)
                    .toInstance(new ErrorMapper(
                            "cold", SecretRedactor.none(), settings().clock()));
            bind(ChatDirectory.class).to(Directory.class).in(Singleton.class);
        }

        @Provides
        @Singleton
        private ColdApi api(FeignClientFactory factory) {
            return factory.create(ColdApi.class, settings().baseUrl());
        }
    }

    static final class Directory extends HttpChatDirectory {
        @Inject
        private Directory(ProviderDescriptor descriptor, HttpClient httpClient, ColdApi api) {
            super(
                    descriptor,
                    httpClient,
                    unused(UserOperations.class),
                    unused(PresenceOperations.class),
                    unused(GroupOperations.class),
                    unused(MemberOperations.class),
                    List.of(api));
        }

        private static <T> T unused(Class<T> facet) {
            return facet.cast(java.lang.reflect.Proxy.newProxyInstance(
                    facet.getClassLoader(), new Class<?>[] {facet}, (proxy, method, args) -> {
                        throw new UnsupportedOperationException(method.getName());
                    }));
        }
    }

    static final class Builder extends HttpDirectoryBuilder<Builder> {
        Builder() {
            super(DESCRIPTOR, config -> "http://127.0.0.1:9/v1");
        }

        @Override
        protected HttpDirectoryModule module(HttpDirectorySettings settings) {
            return new Module(settings);
        }
    }
}

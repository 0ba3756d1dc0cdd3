package dev.chatdirectory.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.GroupOperations;
import dev.chatdirectory.MemberOperations;
import dev.chatdirectory.PresenceOperations;
import dev.chatdirectory.UserOperations;
import dev.chatdirectory.testing.Descriptors;
import dev.chatdirectory.testing.RecordingDirectory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ForwardingChatDirectory")
class ForwardingChatDirectoryTest {

    /** A call the delegate received: the method and its arguments. */
    record Received(Method method, List<Object> arguments) {}

    /**
     * A delegate facet that records every call, default methods included, and answers {@code true}
     * (or {@code null} where the method returns an object).
     */
    private static <T> T recording(Class<T> facet, List<Received> calls) {
        return facet.cast(Proxy.newProxyInstance(facet.getClassLoader(), new Class<?>[] {facet}, (proxy, m, args) -> {
            calls.add(new Received(m, args == null ? List.of() : Arrays.asList(args)));
            return m.getReturnType() == boolean.class ? Boolean.TRUE : null;
        }));
    }

    /** A distinct argument of the type, or {@code null} for request types the forwarder never reads. */
    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "arg";
        }
        if (type == Collection.class) {
            return List.of("u1", "u2");
        }
        return null;
    }

    static Stream<Arguments> facets() {
        return Stream.of(
                Arguments.of(UserOperations.class, (Function<UserOperations, UserOperations>)
                        d -> new ForwardingChatDirectory.ForwardingUsers(d) {}),
                Arguments.of(PresenceOperations.class, (Function<PresenceOperations, PresenceOperations>)
                        d -> new ForwardingChatDirectory.ForwardingPresence(d) {}),
                Arguments.of(GroupOperations.class, (Function<GroupOperations, GroupOperations>)
                        d -> new ForwardingChatDirectory.ForwardingGroups(d) {}),
                Arguments.of(MemberOperations.class, (Function<MemberOperations, MemberOperations>)
                        d -> new ForwardingChatDirectory.ForwardingMembers(d) {}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facets")
    @DisplayName("each facet forwarder passes every method of its interface, default ones included, to the delegate")
    <T> void forwardsEveryMethod(Class<T> facet, Function<T, T> forwarder) throws Exception {
        List<Received> calls = new ArrayList<>();
        T forwarding = forwarder.apply(recording(facet, calls));

        for (Method method : facet.getMethods()) {
            Object[] arguments = Arrays.stream(method.getParameterTypes())
                    .map(ForwardingChatDirectoryTest::sample)
                    .toArray();
            calls.clear();

            Object result = method.invoke(forwarding, arguments);

            assertThat(calls).as("calls the delegate received for %s", method).hasSize(1);
            assertThat(calls.get(0).method()).isEqualTo(method);
            assertThat(calls.get(0).arguments()).containsExactly(arguments);
            assertThat(result)
                    .as("result of %s", method)
                    .isEqualTo(method.getReturnType() == boolean.class ? true : null);
        }
    }

    @Test
    @DisplayName("the directory forwards its facets, descriptor and close, and unwraps itself or the delegate")
    void forwardsDirectory() {
        ProviderDescriptor descriptor = Descriptors.descriptor("fake", Set.of(Capability.PRESENCE));
        RecordingDirectory delegate = new RecordingDirectory(descriptor);
        ChatDirectory forwarding = new ForwardingChatDirectory(delegate) {};

        assertThat(forwarding.users()).isSameAs(delegate.users());
        assertThat(forwarding.presence()).isSameAs(delegate.presence());
        assertThat(forwarding.groups()).isSameAs(delegate.groups());
        assertThat(forwarding.members()).isSameAs(delegate.members());
        assertThat(forwarding.provider()).isSameAs(descriptor);
        assertThat(forwarding.unwrap(ForwardingChatDirectory.class)).isSameAs(forwarding);
        assertThat(forwarding.unwrap(RecordingDirectory.class)).isSameAs(delegate);
        forwarding.close();
        assertThat(delegate.closeCount()).isEqualTo(1);
    }
}

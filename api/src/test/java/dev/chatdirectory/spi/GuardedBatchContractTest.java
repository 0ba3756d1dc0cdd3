package dev.chatdirectory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.testing.Descriptors;
import dev.chatdirectory.testing.RecordingDirectory;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The guard holds adapters to one outcome per requested user, in order")
class GuardedBatchContractTest {

    private static final ProviderDescriptor DESCRIPTOR = Descriptors.descriptor("fake", Descriptors.all());

    /** A directory whose member removals answer with the given function, everything else recorded. */
    private static ChatDirectory guarded(Function<Collection<String>, BatchResult> answer) {
        RecordingDirectory recording = new RecordingDirectory(DESCRIPTOR);
        dev.chatdirectory.MemberOperations members =
                (dev.chatdirectory.MemberOperations) java.lang.reflect.Proxy.newProxyInstance(
                        GuardedBatchContractTest.class.getClassLoader(),
                        new Class<?>[] {dev.chatdirectory.MemberOperations.class},
                        (proxy, method, args) -> method.getName().equals("remove")
                                ? answer.apply(castIds(args[1]))
                                : method.invoke(recording.members(), args));
        ChatDirectory raw = (ChatDirectory) java.lang.reflect.Proxy.newProxyInstance(
                GuardedBatchContractTest.class.getClassLoader(),
                new Class<?>[] {ChatDirectory.class},
                (proxy, method, args) -> method.getName().equals("members") ? members : method.invoke(recording, args));
        return GuardedChatDirectory.wrap(DESCRIPTOR, raw);
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> castIds(Object ids) {
        return (Collection<String>) ids;
    }

    @Test
    @DisplayName("a complete, ordered answer passes through")
    void completeAnswer() {
        ChatDirectory directory = guarded(
                ids -> new BatchResult(ids.stream().map(ItemOutcome::applied).toList()));

        assertThat(directory.members().remove("g", List.of("a", "b")).applied()).containsExactly("a", "b");
    }

    @Test
    @DisplayName("an answer that leaves a user out is a protocol error, not a silent partial success")
    void missingOutcome() {
        ChatDirectory directory = guarded(ids -> new BatchResult(List.of(ItemOutcome.applied("a"))));

        assertThatThrownBy(() -> directory.members().remove("g", List.of("a", "b")))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("[a, b]");
    }

    @Test
    @DisplayName("an answer in another order is a protocol error")
    void reordered() {
        ChatDirectory directory =
                guarded(ids -> new BatchResult(List.of(ItemOutcome.applied("b"), ItemOutcome.applied("a"))));

        assertThatThrownBy(() -> directory.members().remove("g", List.of("a", "b")))
                .isInstanceOf(ProviderProtocolException.class);
    }

    @Test
    @DisplayName("the add path checks outcomes against the members' user ids")
    void addChecked() {
        ChatDirectory directory = GuardedChatDirectory.wrap(DESCRIPTOR, new RecordingDirectory(DESCRIPTOR));

        assertThat(directory
                        .members()
                        .add("g", List.of(MemberSpec.participant("x")))
                        .outcomes())
                .extracting(ItemOutcome::id)
                .containsExactly("x");
    }
}

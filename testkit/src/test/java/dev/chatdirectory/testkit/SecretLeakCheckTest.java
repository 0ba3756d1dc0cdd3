package dev.chatdirectory.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.provider.memory.MemoryChatDirectoryProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The secret leak check")
class SecretLeakCheckTest {

    @Test
    @DisplayName("records the text of every value a directory's facets return")
    void recordsReturnedValues() {
        try (ChatDirectory directory = ThrownExceptions.recording(
                new MemoryChatDirectoryProvider().open(ProviderConfig.builder().build()))) {
            directory
                    .users()
                    .create(UserCreate.builder("leaky", "Leaky")
                            .metadata(Map.of("note", "tok-8c1d2e3f4a5b"))
                            .build());
        }

        assertThat(ThrownExceptions.results()).anyMatch(text -> text.contains("tok-8c1d2e3f4a5b"));
    }

    @Test
    @DisplayName("finds a secret in a returned value as well as in exception texts, naming where")
    void searchesReturnedValues() {
        SecretLeakCheck.Report report = new SecretLeakCheck.Report(
                1,
                0,
                0,
                List.of(),
                List.of("NotFoundException: no user 'ann'"),
                List.of("User[id=ann, raw={authToken=ann_16383540156641d37a}]"),
                Set.of());

        assertThat(report.leaks(List.of("ann_16383540156641d37a"), null))
                .containsExactly("result: User[id=ann, raw={authToken=<SECRET>}]");
    }
}

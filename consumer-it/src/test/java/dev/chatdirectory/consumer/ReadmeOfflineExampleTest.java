package dev.chatdirectory.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's "Testing your application offline" example is the body of the swap-cometchat
 * consumer project's test, which the invoker build compiles and runs.
 */
@DisplayName("The README's offline testing example is compiled and run")
class ReadmeOfflineExampleTest {

    @Test
    @DisplayName("its code block is the swap-cometchat project's test, line for line")
    void readmeMirrorsTheConsumerTest() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Testing your application offline"));
        int open = section.indexOf("```java\n") + "```java\n".length();
        String block = section.substring(open, section.indexOf("\n```", open));
        String test = Files.readString(
                Path.of("src/it/swap-cometchat/src/test/java/dev/example/team/TeamOnboardingTest.java"),
                StandardCharsets.UTF_8);

        assertThat(block).startsWith("try (CometChatEmulator emulator");
        assertThat(block.lines().map(String::strip).toList())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(test).contains(line));
        assertThat(normalized(test)).contains(normalized(block));
    }

    private static String normalized(String code) {
        return code.strip().replaceAll("\\s+", " ");
    }
}

package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract kit's documented example is {@link AtomChatContractTest}, compiled and run here; the
 * README and the kit's Javadoc show it as written, so an API change that breaks the example breaks
 * this build instead of a reader's.
 */
@DisplayName("The documented contract example is AtomChatContractTest, word for word")
class DocumentedContractExampleTest {

    private static final Path ROOT = Path.of("..");
    private static final Path TESTKIT = ROOT.resolve("testkit/src/main/java/dev/chatdirectory/testkit");

    @Test
    @DisplayName("the README's \"Adding a provider\" section shows the whole class")
    void readme() throws IOException {
        String readme = read(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Adding a provider"));

        assertThat(normalized(firstBlock(section, "```java\n", "```"))).isEqualTo(normalized(exampleClass()));
    }

    @Test
    @DisplayName("ChatDirectoryContract's Javadoc shows the whole class")
    void contractJavadoc() throws IOException {
        String javadoc = javadocCode(read(TESTKIT.resolve("ChatDirectoryContract.java")));

        assertThat(normalized(javadoc)).isEqualTo(normalized(exampleClass()));
    }

    @Test
    @DisplayName("ContractBackend's Javadoc shows its backend() method")
    void backendJavadoc() throws IOException {
        String javadoc = javadocCode(read(TESTKIT.resolve("ContractBackend.java")));

        assertThat(normalized(javadoc)).startsWith("@Override protected ContractBackend backend() {");
        assertThat(normalized(exampleClass())).contains(normalized(javadoc));
    }

    private static String exampleClass() throws IOException {
        String source = read(Path.of("src/test/java/dev/chatdirectory/provider/atomchat/AtomChatContractTest.java"));
        return source.substring(source.indexOf("class AtomChatContractTest"));
    }

    private static String javadocCode(String source) {
        String code = firstBlock(source, "<pre>{@code\n", "}</pre>");
        return code.lines().map(line -> line.replaceFirst("^\\s*\\*", "")).collect(Collectors.joining("\n"));
    }

    private static String firstBlock(String text, String open, String close) {
        Matcher matcher = Pattern.compile(Pattern.quote(open) + "(.*?)" + Pattern.quote(close), Pattern.DOTALL)
                .matcher(text);
        assertThat(matcher.find()).as("a block opened by %s", open).isTrue();
        return matcher.group(1);
    }

    /** Line breaks and indentation may differ between a Javadoc comment and the source; nothing else. */
    private static String normalized(String code) {
        return code.strip().replaceAll("\\s+", " ");
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}

package dev.chatdirectory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("The chatdirectory command")
class ChatDirectoryCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ChatDirectoryCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @DisplayName("lists every provider on the class path with its capabilities, as JSON")
    void providersAsJson() throws Exception {
        assertThat(run("providers", "--json")).isZero();

        JsonNode providers = new ObjectMapper().readTree(out.toString());
        List<String> ids = new ArrayList<>();
        providers.forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("memory", "atomchat", "cometchat-v3", "qiscus");
        providers.forEach(p -> assertThat(p.get("capabilities")).isNotEmpty());
    }

    @Test
    @DisplayName("prints the capability matrix as a table for people")
    void providersAsTable() {
        assertThat(run("providers")).isZero();

        assertThat(out.toString())
                .contains("capability")
                .contains("MEMBER_BANS")
                .contains("qiscus")
                .contains("apiKey (secret)");
    }

    @Test
    @DisplayName("runs the demo offline: the same code works on every provider, unsupported steps are refused")
    void demo() throws Exception {
        assertThat(run("demo", "--users", "6", "--json")).isZero();

        JsonNode results = new ObjectMapper().readTree(out.toString());
        assertThat(names(results)).containsExactly("memory", "atomchat", "cometchat-v3", "qiscus");
        results.forEach(provider -> provider.forEach(step ->
                assertThat(step.get("outcome").asText()).as(step.toString()).isIn("OK", "UNSUPPORTED")));
        results.get("memory")
                .forEach(step -> assertThat(step.get("outcome").asText()).isEqualTo("OK"));
        assertThat(results.at("/qiscus/read presence/outcome").asText()).isEqualTo("UNSUPPORTED");
        assertThat(results.at("/cometchat-v3/walk users in pages of 7/detail").asText())
                .isEqualTo("6 users seen once each");
        assertThat(results.at("/atomchat/list members/detail").asText()).isEqualTo("6 members");
    }

    @Test
    @DisplayName("lists users of a directory configured by a properties file")
    void usersFromProperties(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("app.properties");
        Files.writeString(config, "chatdirectory.provider=memory\n", StandardCharsets.UTF_8);

        assertThat(run("users", "--config", config.toString(), "--json")).isZero();

        assertThat(new ObjectMapper().readTree(out.toString())).isEmpty();
    }

    @Test
    @DisplayName("reports a configuration problem in one line, with exit status 2, instead of a stack trace")
    void configurationError(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("app.properties");
        Files.writeString(config, "chatdirectory.provider=nope\n", StandardCharsets.UTF_8);

        assertThat(run("groups", "--config", config.toString())).isEqualTo(2);

        assertThat(err.toString())
                .startsWith("chatdirectory: no provider with id 'nope'")
                .contains("memory")
                .doesNotContain("\tat ");
    }

    @Test
    @DisplayName("refuses an unknown vendor to emulate")
    void unknownVendor() {
        assertThat(run("emulate", "whatsapp")).isEqualTo(2);
        assertThat(err.toString()).contains("ATOMCHAT, COMETCHAT, QISCUS").contains("whatsapp");
    }
}

package dev.example.directoryapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModulePathTest {

    @Test
    void startsOnTheModulePathAndTalksToTheVendor() throws Exception {
        String modulePath = System.getProperty("app.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("app.modulePathFile"))).strip();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (CometChatEmulator emulator = new CometChatEmulator().start()) {
            ProcessBuilder builder = new ProcessBuilder(
                            java.toString(),
                            "--module-path",
                            modulePath,
                            "--module",
                            "dev.example.directoryapp/dev.example.directoryapp.Main",
                            "zoe",
                            "Zoe")
                    .redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("CHATDIRECTORY_"));
            environment.put("CHATDIRECTORY_COMETCHAT_V3_ENDPOINT", emulator.baseUrl().toString());
            emulator.credentials()
                    .forEach((key, value) ->
                            environment.put("CHATDIRECTORY_COMETCHAT_V3_" + key.toUpperCase(Locale.ROOT), value));

            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output.lines().toList())
                    .as(output)
                    .contains("cometchat-v3 zoe Zoe dev.example.directoryapp dev.chatdirectory");
            assertThat(emulator.wireMock().getAllServeEvents()).as("requests the emulator served").isNotEmpty();
        }
    }

    @Test
    void theModulePathHoldsOnlyTheApplicationAndItsRuntimeDependencies() throws Exception {
        List<String> jars = List.of(Files.readString(Path.of(System.getProperty("app.modulePathFile")))
                .strip()
                .split(File.pathSeparator));

        assertThat(jars).noneMatch(jar -> jar.contains("wiremock") || jar.contains("junit"));
        assertThat(jars).anyMatch(jar -> jar.contains("chatdirectory-provider-cometchat-v3"));
    }
}

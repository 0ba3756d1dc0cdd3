package dev.example.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.emulator.cometchat.CometChatEmulator;
import dev.chatdirectory.model.User;
import org.junit.jupiter.api.Test;

class TeamOnboardingTest {

    @Test
    void onboardsAgainstTheEmulator() {
        try (CometChatEmulator emulator = new CometChatEmulator().start()) {
            ProviderConfig.Builder config = ProviderConfig.builder().endpoint(emulator.baseUrl());
            emulator.credentials().forEach(config::credential);
            try (ChatDirectory directory = ChatDirectories.open(config.build())) {
                TeamOnboarding app = new TeamOnboarding(directory); // your code under test

                User zoe = app.onboard("zoe", "Zoë Ångström");

                assertThat(directory.provider().id()).isEqualTo("cometchat-v3");
                assertThat(zoe.name()).isEqualTo("Zoë Ångström");
                assertThat(app.everyone()).containsExactly("zoe");
            }
        }
    }
}

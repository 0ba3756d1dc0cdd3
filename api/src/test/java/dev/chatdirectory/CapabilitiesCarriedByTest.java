package dev.chatdirectory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What an existing user or group carries, by capability")
class CapabilitiesCarriedByTest {

    @Test
    @DisplayName("a user carries the capabilities of its optional fields, as creating it would need")
    void user() {
        User bare = User.builder("zoe", "Zoë").createdAt(Instant.EPOCH).build();
        User full = bare.toBuilder()
                .avatarUrl("https://example.com/z.png")
                .profileUrl("https://example.com/z")
                .email("zoe@example.com")
                .role("staff")
                .metadata(Map.of("team", "blue"))
                .build();

        assertThat(Capabilities.carriedBy(bare)).isEmpty();
        assertThat(Capabilities.carriedBy(full))
                .containsExactlyInAnyOrder(
                        Capability.USER_AVATAR,
                        Capability.USER_PROFILE_URL,
                        Capability.USER_EMAIL,
                        Capability.USER_ROLE,
                        Capability.USER_METADATA)
                .isEqualTo(Capabilities.requiredBy(UserCreate.builder("zoe", "Zoë")
                        .avatarUrl("https://example.com/z.png")
                        .profileUrl("https://example.com/z")
                        .email("zoe@example.com")
                        .role("staff")
                        .metadata(Map.of("team", "blue"))
                        .build()));
        assertThat(Capabilities.carriedBy(
                        bare.toBuilder().metadata(Map.of("k", 1)).build()))
                .containsExactly(Capability.USER_METADATA);
    }

    @Test
    @DisplayName("a group carries description, icon and metadata; type and owner are the caller's")
    void group() {
        Group bare =
                Group.builder("team", "Team", GroupType.PASSWORD).ownerId("zoe").build();

        assertThat(Capabilities.carriedBy(bare)).isEmpty();
        assertThat(Capabilities.carriedBy(bare.toBuilder()
                        .description("d")
                        .iconUrl("https://example.com/i.png")
                        .metadata(Map.of("k", "v"))
                        .build()))
                .containsExactlyInAnyOrder(
                        Capability.GROUP_DESCRIPTION, Capability.GROUP_ICON, Capability.GROUP_METADATA);
    }
}

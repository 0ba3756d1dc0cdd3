package dev.chatdirectory.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Whether a target's content holds a source's")
class ProjectionHoldsTest {

    @Test
    @DisplayName("a source user without a role is held by a target that filled in its default role, not the reverse")
    void roleFilledInByTheTarget() {
        assertThat(Projection.holds("{\"name\":\"Zoë\"}", "{\"name\":\"Zoë\",\"role\":\"default\"}"))
                .isTrue();
        assertThat(Projection.holds("{\"name\":\"Zoë\",\"role\":\"vip\"}", "{\"name\":\"Zoë\",\"role\":\"default\"}"))
                .isFalse();
        assertThat(Projection.holds("{\"name\":\"Zoë\",\"role\":\"vip\"}", "{\"name\":\"Zoë\"}"))
                .isFalse();
        assertThat(Projection.holds("{\"name\":\"Zoë\"}", "{\"name\":\"Zoe\",\"role\":\"default\"}"))
                .isFalse();
    }

    @Test
    @DisplayName(
            "a password group without its password is held as a private group or as a password group, not as public")
    void passwordGroupWithoutPassword() {
        String source = "{\"name\":\"Vault\",\"passwordNotSupplied\":true,\"type\":\"PRIVATE\"}";

        assertThat(Projection.holds(source, "{\"name\":\"Vault\",\"type\":\"PRIVATE\"}"))
                .isTrue();
        assertThat(Projection.holds(source, "{\"name\":\"Vault\",\"type\":\"PASSWORD\"}"))
                .isTrue();
        assertThat(Projection.holds(source, "{\"name\":\"Vault\",\"type\":\"PUBLIC\"}"))
                .isFalse();
        assertThat(Projection.holds(source, "{\"name\":\"Vault 2\",\"type\":\"PASSWORD\"}"))
                .isFalse();
        assertThat(Projection.differences(source, "{\"name\":\"Vault 2\",\"type\":\"PASSWORD\"}"))
                .isEqualTo("name: \"Vault\" ≠ \"Vault 2\"");
    }
}

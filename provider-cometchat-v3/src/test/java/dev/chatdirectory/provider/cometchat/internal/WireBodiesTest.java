package dev.chatdirectory.provider.cometchat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.model.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CometChat request bodies")
class WireBodiesTest {

    @Test
    @DisplayName("a group body never shows its password in its text")
    void passwordHidden() {
        WireBodies.GroupWrite body =
                new WireBodies.GroupWrite("g1", "G", "password", "s3cret!", null, null, null, "ann", null);
        assertThat(body.toString()).doesNotContain("s3cret!").contains("password=****");
    }

    @Test
    @DisplayName("cleared attributes are collected for unset; set ones are sent; unchanged ones are left out")
    void unset() {
        List<String> unset = new ArrayList<>();
        assertThat(WireBodies.valueOrUnset(Patch.set("https://x"), "avatar", unset))
                .isEqualTo("https://x");
        assertThat(WireBodies.valueOrUnset(Patch.clear(), "link", unset)).isNull();
        assertThat(WireBodies.valueOrUnset(Patch.unchanged(), "icon", unset)).isNull();
        assertThat(WireBodies.metadataOrUnset(Patch.set(Map.of()), unset)).isNull();
        assertThat(WireBodies.metadataOrUnset(Patch.unchanged(), unset)).isNull();
        assertThat(WireBodies.metadataOrUnset(Patch.set(Map.<String, Object>of("k", 1)), unset))
                .containsEntry("k", 1);
        assertThat(unset).containsExactly("link", "metadata");
    }
}

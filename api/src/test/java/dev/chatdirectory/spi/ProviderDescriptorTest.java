package dev.chatdirectory.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.Capability;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ProviderDescriptor, ProviderLimits and CredentialSpec")
class ProviderDescriptorTest {

    private static final ProviderLimits LIMITS =
            new ProviderLimits(10, 100, 50, 255, 1024, RateLimitSettings.perMinute(60));

    private static ProviderDescriptor descriptor(String id, Set<Capability> capabilities) {
        return new ProviderDescriptor(id, "Fake", capabilities, List.of(), IdRule.any(), IdRule.any(), LIMITS);
    }

    @Nested
    @DisplayName("ProviderDescriptor")
    class Descriptor {

        @ParameterizedTest(name = "\"{0}\" is accepted")
        @ValueSource(strings = {"memory", "cometchat-v3", "a", "qiscus2"})
        @DisplayName("accepts lowercase ids of letters, digits and dashes starting with a letter")
        void validIds(String id) {
            assertThat(descriptor(id, Set.of()).id()).isEqualTo(id);
        }

        @ParameterizedTest(name = "\"{0}\" is rejected")
        @ValueSource(strings = {"", "CometChat", "3chat", "-x", "co_chat", "a.b", "with space"})
        @DisplayName("rejects other ids")
        void invalidIds(String id) {
            assertThatThrownBy(() -> descriptor(id, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(id);
        }

        @Test
        @DisplayName("copies its capabilities into an unmodifiable set")
        void capabilitiesCopied() {
            Set<Capability> source = new HashSet<>(Set.of(Capability.PRESENCE));
            ProviderDescriptor d = descriptor("x", source);
            source.add(Capability.MEMBER_BANS);

            assertThat(d.capabilities()).containsExactly(Capability.PRESENCE);
            assertThatThrownBy(() -> d.capabilities().add(Capability.GROUP_LIST))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(descriptor("x", Set.of()).capabilities()).isEmpty();
        }

        @Test
        @DisplayName("copies its credentials into an unmodifiable list")
        void credentialsCopied() {
            List<CredentialSpec> source = new ArrayList<>(List.of(CredentialSpec.secret("apiKey", "key")));
            ProviderDescriptor d =
                    new ProviderDescriptor("x", "X", Set.of(), source, IdRule.any(), IdRule.any(), LIMITS);
            source.clear();

            assertThat(d.credentials()).extracting(CredentialSpec::name).containsExactly("apiKey");
        }

        @Test
        @DisplayName("supports and require answer from the capability set")
        void supportsAndRequire() {
            ProviderDescriptor d = descriptor("x", EnumSet.of(Capability.PRESENCE));

            assertThat(d.supports(Capability.PRESENCE)).isTrue();
            assertThat(d.supports(Capability.MEMBER_BANS)).isFalse();
            d.require(Capability.PRESENCE);
            assertThatThrownBy(() -> d.require(Capability.MEMBER_BANS))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("provider 'x'")
                    .hasMessageContaining("MEMBER_BANS");
        }

        @Test
        @DisplayName("withCapabilities keeps everything else")
        void withCapabilities() {
            ProviderDescriptor d = descriptor("x", EnumSet.allOf(Capability.class));

            ProviderDescriptor reduced = d.withCapabilities(Set.of(Capability.GROUP_LIST));

            assertThat(reduced.capabilities()).containsExactly(Capability.GROUP_LIST);
            assertThat(reduced.limits()).isEqualTo(d.limits());
            assertThat(reduced.id()).isEqualTo("x");
        }
    }

    @Nested
    @DisplayName("ProviderLimits")
    class Limits {

        @Test
        @DisplayName("rejects inconsistent limits")
        void inconsistent() {
            RateLimitSettings rate = RateLimitSettings.unlimited();
            assertThatThrownBy(() -> new ProviderLimits(0, 10, 1, 1, 0, rate))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ProviderLimits(20, 10, 1, 1, 0, rate))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ProviderLimits(10, 10, 0, 1, 0, rate))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ProviderLimits(10, 10, 1, 0, 0, rate))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ProviderLimits(10, 10, 1, 1, -1, rate))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ProviderLimits(10, 10, 1, 1, 0, null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    @DisplayName("CredentialSpec factories set required and secret")
    void credentialSpecs() {
        assertThat(CredentialSpec.secret("apiKey", "key")).isEqualTo(new CredentialSpec("apiKey", true, true, "key"));
        assertThat(CredentialSpec.required("appId", "app")).isEqualTo(new CredentialSpec("appId", true, false, "app"));
        assertThat(CredentialSpec.optional("region", "r")).isEqualTo(new CredentialSpec("region", false, false, "r"));
        assertThatThrownBy(() -> CredentialSpec.optional(null, "r")).isInstanceOf(NullPointerException.class);
    }
}

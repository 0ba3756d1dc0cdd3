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

    private static final ProviderLimits LIMITS = ProviderLimits.builder()
            .defaultPageSize(10)
            .maxPageSize(100)
            .maxBatchSize(50)
            .maxMetadataBytes(1024)
            .defaultRateLimit(RateLimitSettings.perMinute(60))
            .build();

    private static ProviderDescriptor descriptor(String id, Set<Capability> capabilities) {
        return ProviderDescriptor.builder(id)
                .displayName("Fake")
                .capabilities(capabilities)
                .limits(LIMITS)
                .build();
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
            List<CredentialSpec> source = new ArrayList<>(List.of(CredentialSpec.credential("apiKey")
                    .secret()
                    .description("key")
                    .build()));
            ProviderDescriptor d =
                    ProviderDescriptor.builder("x").credentials(source).build();
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
            assertThat(reduced.toBuilder().capabilities(d.capabilities()).build())
                    .isEqualTo(d)
                    .hasSameHashCodeAs(d);
        }

        @Test
        @DisplayName("a builder given only an id describes a provider with defaults for every other fact")
        void defaults() {
            ProviderDescriptor d = ProviderDescriptor.builder("bare").build();

            assertThat(d.displayName()).isEqualTo("bare");
            assertThat(d.capabilities()).isEmpty();
            assertThat(d.credentials()).isEmpty();
            assertThat(d.userIds()).isEqualTo(IdRule.any());
            assertThat(d.groupIds()).isEqualTo(IdRule.any());
            assertThat(d.limits()).isEqualTo(ProviderLimits.builder().build());
            assertThat(d.unrecoverableCreates()).isEmpty();
            assertThat(d.createRecoverable(EntityKind.GROUP)).isTrue();
        }

        @Test
        @DisplayName("names the kinds of entity whose create cannot be recovered after a lost answer")
        void unrecoverableCreates() {
            ProviderDescriptor d = ProviderDescriptor.builder("rooms")
                    .unrecoverableCreates(EnumSet.of(EntityKind.GROUP))
                    .build();

            assertThat(d.unrecoverableCreates()).containsExactly(EntityKind.GROUP);
            assertThat(d.createRecoverable(EntityKind.GROUP)).isFalse();
            assertThat(d.createRecoverable(EntityKind.USER)).isTrue();
            assertThat(d.withCapabilities(Set.of()).unrecoverableCreates()).containsExactly(EntityKind.GROUP);
            assertThatThrownBy(() -> d.unrecoverableCreates().add(EntityKind.USER))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("ProviderLimits")
    class Limits {

        @Test
        @DisplayName("rejects inconsistent limits")
        void inconsistent() {
            assertThatThrownBy(() -> ProviderLimits.builder().defaultPageSize(0).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("defaultPageSize=0");
            assertThatThrownBy(() -> ProviderLimits.builder()
                            .defaultPageSize(20)
                            .maxPageSize(10)
                            .build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ProviderLimits.builder().maxBatchSize(0).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ProviderLimits.builder().maxNameLength(0).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(
                            () -> ProviderLimits.builder().maxMetadataBytes(-1).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ProviderLimits.builder().defaultRateLimit(null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("defaults to pages of 20 (at most 100), batches of 100, names of 255, no metadata, no rate limit")
        void defaults() {
            ProviderLimits limits = ProviderLimits.builder().build();

            assertThat(limits.defaultPageSize()).isEqualTo(20);
            assertThat(limits.maxPageSize()).isEqualTo(100);
            assertThat(limits.maxBatchSize()).isEqualTo(100);
            assertThat(limits.maxNameLength()).isEqualTo(255);
            assertThat(limits.maxMetadataBytes()).isZero();
            assertThat(limits.defaultRateLimit()).isEqualTo(RateLimitSettings.unlimited());
            assertThat(limits.toBuilder().build()).isEqualTo(limits).hasSameHashCodeAs(limits);
            assertThat(LIMITS.toBuilder().maxBatchSize(7).build().maxBatchSize())
                    .isEqualTo(7);
        }
    }

    @Nested
    @DisplayName("CredentialSpec")
    class Credentials {

        @Test
        @DisplayName("a credential is required and not secret unless said otherwise")
        void credential() {
            CredentialSpec appId =
                    CredentialSpec.credential("appId").description("app").build();
            CredentialSpec apiKey = CredentialSpec.credential("apiKey")
                    .secret()
                    .description("key")
                    .build();

            assertThat(appId.kind()).isEqualTo(CredentialSpec.Kind.CREDENTIAL);
            assertThat(appId.required()).isTrue();
            assertThat(appId.secret()).isFalse();
            assertThat(apiKey.secret()).isTrue();
            assertThat(apiKey.description()).isEqualTo("key");
        }

        @Test
        @DisplayName("a setting is optional and not secret unless said otherwise")
        void setting() {
            CredentialSpec region =
                    CredentialSpec.setting("region").description("r").build();
            CredentialSpec must = CredentialSpec.setting("region")
                    .required(true)
                    .description("r")
                    .build();

            assertThat(region.kind()).isEqualTo(CredentialSpec.Kind.SETTING);
            assertThat(region.required()).isFalse();
            assertThat(region.secret()).isFalse();
            assertThat(must.required()).isTrue();
            assertThat(must).isNotEqualTo(region);
        }

        @Test
        @DisplayName("needs a name and a description")
        void needsNameAndDescription() {
            assertThatThrownBy(() -> CredentialSpec.setting(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> CredentialSpec.setting("region").build())
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("region");
        }
    }
}

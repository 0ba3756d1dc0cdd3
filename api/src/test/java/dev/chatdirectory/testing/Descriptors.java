package dev.chatdirectory.testing;

import dev.chatdirectory.Capability;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.IdRule;
import dev.chatdirectory.spi.ProviderDescriptor;
import dev.chatdirectory.spi.ProviderLimits;
import java.util.EnumSet;
import java.util.Set;

/** Descriptors for fake providers. */
public final class Descriptors {

    private Descriptors() {}

    /** {@return every capability} */
    public static Set<Capability> all() {
        return EnumSet.allOf(Capability.class);
    }

    /** {@return every capability but the given ones} */
    public static Set<Capability> allBut(Capability first, Capability... more) {
        Set<Capability> set = EnumSet.allOf(Capability.class);
        set.removeAll(EnumSet.of(first, more));
        return set;
    }

    /** {@return a descriptor with any ids, page sizes 10/50, batch size 100} */
    public static ProviderDescriptor descriptor(String id, Set<Capability> capabilities) {
        return descriptor(id, capabilities, IdRule.any(), IdRule.any(), limits(10, 50, 100));
    }

    /** {@return a descriptor with the given rules and limits} */
    public static ProviderDescriptor descriptor(
            String id, Set<Capability> capabilities, IdRule userIds, IdRule groupIds, ProviderLimits limits) {
        return ProviderDescriptor.builder(id)
                .displayName("Fake " + id)
                .capabilities(capabilities)
                .credential(CredentialSpec.credential("apiKey")
                        .secret()
                        .description("the API key")
                        .build())
                .userIds(userIds)
                .groupIds(groupIds)
                .limits(limits)
                .build();
    }

    /** {@return limits with the given page and batch sizes, names up to 20, metadata up to 200 bytes} */
    public static ProviderLimits limits(int defaultPageSize, int maxPageSize, int maxBatchSize) {
        return ProviderLimits.builder()
                .defaultPageSize(defaultPageSize)
                .maxPageSize(maxPageSize)
                .maxBatchSize(maxBatchSize)
                .maxNameLength(20)
                .maxMetadataBytes(200)
                .build();
    }
}

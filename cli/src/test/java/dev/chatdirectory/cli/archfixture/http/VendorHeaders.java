package dev.chatdirectory.cli.archfixture.http;

import java.util.Set;

/** Breaks the rule on purpose: shared HTTP code that names a vendor. */
public final class VendorHeaders {

    private VendorHeaders() {}

    /** {@return headers some vendor reads secrets from} */
    public static Set<String> headers() {
        return Set.of("authorization", "qiscus-sdk-secret");
    }
}

package dev.chatdirectory.migrate.internal;

import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Identifies a directory without its secrets: a SHA-256 of the provider id, the endpoint and the
 * settings the descriptor declares as not secret (e.g. an app id or region). Properties it does not
 * declare are left out, since nothing says they are not secret; timeouts, retry and rate limits are
 * left out because they do not change which directory is meant. Stateless and thread-safe.
 */
public final class Fingerprint {

    private Fingerprint() {}

    /**
     * {@return the fingerprint of a directory}
     *
     * @param descriptor the provider's descriptor
     * @param config its configuration, or empty when the directory was built in code (then only
     *     the provider id counts)
     */
    public static String of(ProviderDescriptor descriptor, Optional<ProviderConfig> config) {
        Map<String, String> parts = new TreeMap<>();
        parts.put("provider", descriptor.id());
        config.ifPresent(c -> {
            c.endpoint().ifPresent(e -> parts.put("endpoint", e.toString()));
            for (CredentialSpec spec : descriptor.credentials()) {
                if (!spec.secret()) {
                    c.property(spec.name()).ifPresent(v -> parts.put("property." + spec.name(), v));
                }
            }
        });
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            parts.forEach((k, v) -> {
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(v.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

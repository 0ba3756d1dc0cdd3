package dev.chatdirectory.migrate.internal;

import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.CredentialSpec;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes failure reasons safe to journal: replaces the secret settings of both directories wherever
 * they appear and bounds the length. Provider exceptions never carry secrets by contract; this is a
 * second line for a journal that outlives the process. Immutable and thread-safe.
 */
public final class Redactor {

    private static final int MAX_LENGTH = 500;

    private final List<String> secrets;

    /**
     * Creates a redactor for the secrets of the given directories.
     *
     * @param configs the directories' configurations, each optional
     * @param descriptors their descriptors, in the same order, which say which settings are secret
     */
    public Redactor(List<Optional<ProviderConfig>> configs, List<ProviderDescriptor> descriptors) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            ProviderDescriptor d = descriptors.get(i);
            configs.get(i).ifPresent(c -> {
                for (CredentialSpec spec : d.credentials()) {
                    if (spec.secret()) {
                        c.property(spec.name()).filter(v -> !v.isEmpty()).ifPresent(found::add);
                    }
                }
            });
        }
        this.secrets = List.copyOf(found);
    }

    /**
     * {@return a reason for the journal: the exception's type and message, secrets replaced}
     *
     * @param failure the failure
     */
    public String reason(Throwable failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        for (String secret : secrets) {
            text = text.replace(secret, "****");
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }

    /**
     * {@return a reason given as text, secrets replaced}
     *
     * @param text the text
     */
    public String reason(String text) {
        for (String secret : secrets) {
            text = text.replace(secret, "****");
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }
}

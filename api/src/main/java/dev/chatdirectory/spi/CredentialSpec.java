package dev.chatdirectory.spi;

import java.util.Objects;

/**
 * A configuration property a provider reads, e.g. {@code apiKey}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the property name, as passed to {@link dev.chatdirectory.ProviderConfig#property(String)}
 * @param required whether opening a directory fails without it
 * @param secret whether the value must never be logged or shown (API keys, secrets)
 * @param description what it is, for people
 */
public record CredentialSpec(String name, boolean required, boolean secret, String description) {

    /**
     * Creates a spec; name and description must not be {@code null}.
     *
     * @param name the property name, as passed to {@link dev.chatdirectory.ProviderConfig#property(String)}
     * @param required whether opening a directory fails without it
     * @param secret whether the value must never be logged or shown (API keys, secrets)
     * @param description what it is, for people
     */
    public CredentialSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Returns a required secret, e.g. an API key.
     *
     * @param name the property name
     * @param description what it is
     * @return the spec
     */
    public static CredentialSpec secret(String name, String description) {
        return new CredentialSpec(name, true, true, description);
    }

    /**
     * Returns a required setting that is not secret, e.g. an app id.
     *
     * @param name the property name
     * @param description what it is
     * @return the spec
     */
    public static CredentialSpec required(String name, String description) {
        return new CredentialSpec(name, true, false, description);
    }

    /**
     * Returns an optional setting that is not secret.
     *
     * @param name the property name
     * @param description what it is
     * @return the spec
     */
    public static CredentialSpec optional(String name, String description) {
        return new CredentialSpec(name, false, false, description);
    }
}

package dev.chatdirectory.spi;

import java.util.Objects;

/**
 * A configuration property a provider reads, e.g. {@code apiKey}: either a {@linkplain
 * Kind#CREDENTIAL credential} that identifies or authenticates the app at the vendor, or an
 * ordinary {@linkplain Kind#SETTING setting} that tunes the directory.
 *
 * <p>Built with {@link #credential(String)} or {@link #setting(String)}; every fact beyond the name
 * and description has a documented default, so a fact added in a later version never breaks a
 * provider built against an earlier one. Immutable and thread-safe.
 */
public final class CredentialSpec {

    /** What a property is for. */
    public enum Kind {
        /** Identifies or authenticates the app at the vendor, e.g. an app id or API key. */
        CREDENTIAL,
        /** Tunes the directory, e.g. a page size or a data region. */
        SETTING
    }

    private final String name;
    private final Kind kind;
    private final boolean required;
    private final boolean secret;
    private final String description;

    private CredentialSpec(Builder builder) {
        this.name = builder.name;
        this.kind = builder.kind;
        this.required = builder.required;
        this.secret = builder.secret;
        this.description = Objects.requireNonNull(builder.description, () -> "description of " + builder.name);
    }

    /**
     * Starts a {@link Kind#CREDENTIAL}: required and not secret unless the builder says otherwise.
     *
     * @param name the property name, as passed to {@link dev.chatdirectory.ProviderConfig#property(String)}
     * @return a new builder
     * @throws NullPointerException if the name is {@code null}
     */
    public static Builder credential(String name) {
        return new Builder(name, Kind.CREDENTIAL, true);
    }

    /**
     * Starts a {@link Kind#SETTING}: optional and not secret unless the builder says otherwise.
     *
     * @param name the property name, as passed to {@link dev.chatdirectory.ProviderConfig#property(String)}
     * @return a new builder
     * @throws NullPointerException if the name is {@code null}
     */
    public static Builder setting(String name) {
        return new Builder(name, Kind.SETTING, false);
    }

    /** {@return the property name, as passed to {@link dev.chatdirectory.ProviderConfig#property(String)}} */
    public String name() {
        return name;
    }

    /** {@return whether it is a credential or an ordinary setting} */
    public Kind kind() {
        return kind;
    }

    /** {@return whether opening a directory fails without it} */
    public boolean required() {
        return required;
    }

    /** {@return whether the value must never be logged or shown (API keys, secrets)} */
    public boolean secret() {
        return secret;
    }

    /** {@return what it is, for people} */
    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CredentialSpec other
                && name.equals(other.name)
                && kind == other.kind
                && required == other.required
                && secret == other.secret
                && description.equals(other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, required, secret, description);
    }

    @Override
    public String toString() {
        return "CredentialSpec[name=" + name + ", kind=" + kind + ", required=" + required + ", secret=" + secret
                + ", description=" + description + "]";
    }

    /** Builds a {@link CredentialSpec}. Not thread-safe. */
    public static final class Builder {

        private final String name;
        private final Kind kind;
        private boolean required;
        private boolean secret;
        private String description;

        private Builder(String name, Kind kind, boolean required) {
            this.name = Objects.requireNonNull(name, "name");
            this.kind = kind;
            this.required = required;
        }

        /**
         * Sets whether opening a directory fails without the property.
         *
         * @param required whether it is required
         * @return this builder
         */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /**
         * Marks the value secret: it is masked in logs, messages and payloads.
         *
         * @return this builder
         */
        public Builder secret() {
            this.secret = true;
            return this;
        }

        /**
         * Sets what the property is, for people (the {@code providers} listing shows it).
         *
         * @param description the text
         * @return this builder
         * @throws NullPointerException if it is {@code null}
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         * @throws NullPointerException if no description was set
         */
        public CredentialSpec build() {
            return new CredentialSpec(this);
        }
    }
}

package dev.chatdirectory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a directory's configuration lives among properties and environment variables: the prefix
 * of its property keys and of its variable names.
 *
 * <p>The {@linkplain #DEFAULT default} reads {@code chatdirectory.provider} and {@code
 * chatdirectory.<id>.<key>}, or {@code CHATDIRECTORY_PROVIDER} and {@code
 * CHATDIRECTORY_<ID>_<KEY>}. A {@linkplain #scoped scoped} prefix lets one set of properties or one
 * environment configure several directories, even two of the same provider (CometChat app A as
 * the source of a migration, app B as its target):
 *
 * <pre>{@code
 * chatdirectory.source.provider=cometchat-v3
 * chatdirectory.source.cometchat-v3.appId=app-a
 * chatdirectory.target.provider=cometchat-v3
 * chatdirectory.target.cometchat-v3.appId=app-b
 * }</pre>
 *
 * <p>or {@code CHATDIRECTORY_SOURCE_PROVIDER}, {@code CHATDIRECTORY_SOURCE_COMETCHAT_V3_APPID}, and
 * so on. Choose scopes that are not provider ids, or a scope's keys and a provider's default keys
 * would overlap. Immutable and thread-safe.
 *
 * @param propertyPrefix what property keys start with, ending in a dot, e.g. {@code
 *     chatdirectory.source.}
 * @param environmentPrefix what variable names start with, in upper case and ending in an
 *     underscore, e.g. {@code CHATDIRECTORY_SOURCE_}
 */
public record ConfigPrefix(String propertyPrefix, String environmentPrefix) {

    // Declared before DEFAULT, whose construction uses them.
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

    /** The prefix of a single directory's configuration: {@code chatdirectory.} and {@code CHATDIRECTORY_}. */
    public static final ConfigPrefix DEFAULT =
            new ConfigPrefix(ProviderConfig.PROPERTY_PREFIX, ProviderConfig.ENV_PREFIX);

    /**
     * Creates a prefix.
     *
     * @param propertyPrefix what property keys start with: letters, digits, dashes and
     *     underscores in dot-separated parts, ending in a dot
     * @param environmentPrefix what variable names start with: upper-case letters and digits in
     *     underscore-separated parts, ending in an underscore
     * @throws ConfigurationException if a prefix is {@code null} or does not have that form
     */
    public ConfigPrefix {
        ProviderConfig.required("propertyPrefix", propertyPrefix);
        ProviderConfig.required("environmentPrefix", environmentPrefix);
        if (!PROPERTY.matcher(propertyPrefix).matches()) {
            throw new ConfigurationException(
                    "propertyPrefix must be dot-separated letters, digits, dashes or underscores ending in a dot"
                            + " (e.g. chatdirectory.source.), was '" + propertyPrefix + "'",
                    ErrorContext.none());
        }
        if (!ENVIRONMENT.matcher(environmentPrefix).matches()) {
            throw new ConfigurationException(
                    "environmentPrefix must be upper-case letters and digits separated by and ending in"
                            + " underscores (e.g. CHATDIRECTORY_SOURCE_), was '" + environmentPrefix + "'",
                    ErrorContext.none());
        }
    }

    /**
     * Returns the prefix of one named directory under the default one: {@code chatdirectory.<scope>.}
     * and {@code CHATDIRECTORY_<SCOPE>_}, with dashes in the scope as underscores in the variable
     * names.
     *
     * @param scope the directory's name in the configuration, e.g. {@code source} or {@code target}
     * @return the prefix
     * @throws ConfigurationException if the scope is {@code null} or not letters and digits,
     *     optionally separated by single dashes, or is {@code provider} (the key that names the
     *     default directory's provider)
     */
    public static ConfigPrefix scoped(String scope) {
        ProviderConfig.required("scope", scope);
        if (!SCOPE.matcher(scope).matches()) {
            throw new ConfigurationException(
                    "scope must be letters and digits, optionally separated by single dashes, was '" + scope + "'",
                    ErrorContext.none());
        }
        if (scope.equalsIgnoreCase("provider")) {
            throw new ConfigurationException(
                    "scope must not be 'provider': chatdirectory.provider names the default directory's provider",
                    ErrorContext.none());
        }
        return new ConfigPrefix(
                DEFAULT.propertyPrefix + scope + ".",
                DEFAULT.environmentPrefix + scope.toUpperCase(Locale.ROOT).replace('-', '_') + "_");
    }

    /** {@return the property that names the provider, e.g. {@code chatdirectory.source.provider}} */
    public String providerProperty() {
        return propertyPrefix + "provider";
    }

    /** {@return the variable that names the provider, e.g. {@code CHATDIRECTORY_SOURCE_PROVIDER}} */
    public String providerVariable() {
        return environmentPrefix + "PROVIDER";
    }

    /**
     * Returns the prefix of one provider's property keys.
     *
     * @param providerId the provider id, e.g. {@code cometchat-v3}
     * @return e.g. {@code chatdirectory.source.cometchat-v3.}
     */
    public String propertyPrefix(String providerId) {
        return propertyPrefix + providerId + ".";
    }

    /**
     * Returns the prefix of one provider's variable names.
     *
     * @param providerId the provider id, e.g. {@code cometchat-v3}
     * @return e.g. {@code CHATDIRECTORY_SOURCE_COMETCHAT_V3_}, the id in upper case with dashes and
     *     dots as underscores
     */
    public String environmentPrefix(String providerId) {
        return environmentPrefix + ProviderConfig.envName(providerId) + "_";
    }
}

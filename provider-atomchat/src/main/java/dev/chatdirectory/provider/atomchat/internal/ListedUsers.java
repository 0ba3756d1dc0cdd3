package dev.chatdirectory.provider.atomchat.internal;

import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.Locale;

/**
 * What a user listing holds: listUsers rows carry the UID, the name and the role, but no avatar or
 * profile URL [V] (vendor reference §4.5), which only getUser returns.
 *
 * <p>Chosen with the provider property {@value #PROPERTY}: {@code false} (the default) lists
 * what the rows hold, one request per 100 users; {@code true} reads every listed user with
 * getUser as well, one more request per user, for callers that need avatars and profile URLs in
 * listings.
 */
enum ListedUsers {
    /** Users as listUsers rows describe them: no avatar or profile URL. */
    ROWS,
    /** Every listed user read with getUser: complete, at one request per user. */
    DETAILS;

    /** The provider property choosing the mode. */
    static final String PROPERTY = "listUserDetails";

    /**
     * Reads the mode from the configuration.
     *
     * @param config the directory's configuration
     * @param descriptor names the provider in the error
     * @return the mode
     * @throws ConfigurationException if the property is neither {@code true} nor {@code false}
     */
    static ListedUsers from(ProviderConfig config, ProviderDescriptor descriptor) {
        String value = config.property(PROPERTY).map(String::strip).orElse("false");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "false" -> ROWS;
            case "true" -> DETAILS;
            default ->
                throw new ConfigurationException(
                        "property '" + PROPERTY + "' must be true or false, was " + value,
                        ErrorContext.of(descriptor.id()));
        };
    }
}

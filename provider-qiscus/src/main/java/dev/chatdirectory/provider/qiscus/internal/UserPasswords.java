package dev.chatdirectory.provider.qiscus.internal;

import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.provider.qiscus.PasswordSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The passwords the adapter sends to {@code login_or_register}: the configured {@link
 * PasswordSource}'s, or none when there is no source.
 *
 * <p>Without a source, users are created without a password (Qiscus generates a random one) and
 * cannot be updated: Qiscus refuses to update an existing user without a password, and sending any
 * other password than the one the user's clients log in with would log them out. A new random
 * password per update is exactly that, so it is never done. Thread-safe.
 */
final class UserPasswords {

    private final String providerId;
    private final Optional<PasswordSource> source;

    UserPasswords(String providerId, Optional<PasswordSource> source) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Returns the password to create a user with; empty lets Qiscus generate one. */
    Optional<String> forNewUser(String userId) {
        return source.map(s -> ask(s, userId));
    }

    /**
     * Returns the password to send when updating a user: the one its clients log in with.
     *
     * @throws ConfigurationException when no source is configured; nothing has been sent
     */
    String forUpdate(String userId) {
        PasswordSource configured = source.orElseThrow(() -> new ConfigurationException(
                "updating a Qiscus user needs the password its clients log in with, or Qiscus would change it:"
                        + " set the passwordSecret property or open the directory with"
                        + " QiscusProvider.builder(PasswordSource)",
                ErrorContext.of(providerId)));
        return ask(configured, userId);
    }

    private String ask(PasswordSource source, String userId) {
        String password = source.passwordFor(userId);
        if (password == null || password.isBlank()) {
            throw new ConfigurationException(
                    "the password source gave no password for user '" + userId + "'", ErrorContext.of(providerId));
        }
        return password;
    }
}

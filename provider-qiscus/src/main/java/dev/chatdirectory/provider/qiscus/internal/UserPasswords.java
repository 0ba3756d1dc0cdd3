package dev.chatdirectory.provider.qiscus.internal;

import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passwords the adapter sends to {@code login_or_register}: the ones the configured source
 * answers, which are those the users' clients log in with.
 *
 * <p>Qiscus refuses to update an existing user without a password, and sending any other password
 * than the one the user's clients log in with would log them out; so a directory always has a
 * source (the module refuses to assemble one without), and new users are created with the
 * source's password too. Thread-safe.
 */
public final class UserPasswords {

    private static final int MIN_SECRET_LENGTH = 16;

    private final String providerId;
    private final Function<String, String> source;

    UserPasswords(String providerId, Function<String, String> source) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Returns the function that derives each password from a secret: the URL-safe Base64 form
     * (without padding) of HMAC-SHA256 over the UTF-8 user id, keyed with the UTF-8 secret.
     *
     * @param secret the key, at least 16 characters
     * @return the function; its {@code toString()} does not show the secret
     * @throws IllegalArgumentException if the secret is shorter than 16 characters
     */
    public static Function<String, String> hmacSha256(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "the password secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return userId -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (GeneralSecurityException e) {
                // Every Java platform must provide HmacSHA256.
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        };
    }

    /** Returns the password to create a user with. */
    String forNewUser(String userId) {
        return ask(userId);
    }

    /** Returns the password to send when updating a user: the one its clients log in with. */
    String forUpdate(String userId) {
        return ask(userId);
    }

    private String ask(String userId) {
        String password = source.apply(userId);
        if (password == null || password.isBlank()) {
            throw new ConfigurationException(
                    "the password source gave no password for user '" + userId + "'", ErrorContext.of(providerId));
        }
        return password;
    }
}

package dev.chatdirectory.provider.qiscus;

import dev.chatdirectory.provider.qiscus.internal.UserPasswords;

/**
 * Tells the Qiscus adapter the password ("user key") each user logs in with.
 *
 * <p>Qiscus updates a user's profile only through {@code login_or_register}, which refuses an
 * existing user sent without a password and replaces the password with whatever is sent. So the
 * adapter can update a profile without logging the user's clients out only if it knows the
 * password those clients use. A source must therefore answer the password the user's clients log
 * in with, the same answer every time; a source that made up a new password would change it on
 * every update.
 *
 * <p>Two ways to provide one:
 *
 * <ul>
 *   <li>the {@code passwordSecret} property: passwords are derived with {@link #hmacSha256}, and
 *       the application's own backend derives the same password when its clients log in;
 *   <li>{@link QiscusProvider.Builder#passwordSource(PasswordSource)}: for an application that already stores
 *       its users' Qiscus passwords (for example generated at sign-up), a source that looks them up.
 * </ul>
 *
 * <p>New users are created with the source's password. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PasswordSource {

    /**
     * Returns the password a user's clients log in with.
     *
     * @param userId the Qiscus user id
     * @return the password; never {@code null} or blank
     */
    String passwordFor(String userId);

    /**
     * Returns the source that derives each password from a secret: the URL-safe Base64 form
     * (without padding, 43 characters) of HMAC-SHA256 over the UTF-8 user id, keyed with the UTF-8
     * secret. The application derives the same value for its client logins, so nothing needs to be
     * stored; keep the secret as private as the Qiscus secret key.
     *
     * @param secret the key, at least 16 characters
     * @return the source; its {@code toString()} does not show the secret
     * @throws IllegalArgumentException if the secret is shorter than 16 characters
     */
    static PasswordSource hmacSha256(String secret) {
        return UserPasswords.hmacSha256(secret)::apply;
    }
}

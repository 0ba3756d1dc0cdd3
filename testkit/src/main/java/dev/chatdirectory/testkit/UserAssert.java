package dev.chatdirectory.testkit;

import dev.chatdirectory.model.JsonValues;
import dev.chatdirectory.model.PortableEquality;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link User}; obtain one with {@link ChatDirectoryAssertions#assertThat(User)}.
 *
 * <p>Metadata is compared as JSON: numbers by value whatever their Java type, maps regardless of
 * key order.
 */
public class UserAssert extends AbstractAssert<UserAssert, User> {

    /**
     * Creates the assertion.
     *
     * @param actual the user under test
     */
    public UserAssert(User actual) {
        super(actual, UserAssert.class);
    }

    /**
     * Verifies the user's id.
     *
     * @param id the expected id
     * @return this assertion
     */
    public UserAssert hasId(String id) {
        return field("id", id, actual == null ? null : actual.id());
    }

    /**
     * Verifies the user's display name, exactly (no Unicode normalization).
     *
     * @param name the expected name
     * @return this assertion
     */
    public UserAssert hasName(String name) {
        return field("name", name, actual == null ? null : actual.name());
    }

    /**
     * Verifies the avatar URL.
     *
     * @param url the expected URL
     * @return this assertion
     */
    public UserAssert hasAvatarUrl(String url) {
        return optional("avatarUrl", url, actual == null ? null : actual.avatarUrl());
    }

    /** {@return this assertion, after verifying the user has no avatar URL} */
    public UserAssert hasNoAvatarUrl() {
        return absent("avatarUrl", actual == null ? null : actual.avatarUrl());
    }

    /**
     * Verifies the profile URL.
     *
     * @param url the expected URL
     * @return this assertion
     */
    public UserAssert hasProfileUrl(String url) {
        return optional("profileUrl", url, actual == null ? null : actual.profileUrl());
    }

    /** {@return this assertion, after verifying the user has no profile URL} */
    public UserAssert hasNoProfileUrl() {
        return absent("profileUrl", actual == null ? null : actual.profileUrl());
    }

    /**
     * Verifies the e-mail address.
     *
     * @param email the expected address
     * @return this assertion
     */
    public UserAssert hasEmail(String email) {
        return optional("email", email, actual == null ? null : actual.email());
    }

    /** {@return this assertion, after verifying the user has no e-mail address} */
    public UserAssert hasNoEmail() {
        return absent("email", actual == null ? null : actual.email());
    }

    /**
     * Verifies the application role.
     *
     * @param role the expected role
     * @return this assertion
     */
    public UserAssert hasRole(String role) {
        return optional("role", role, actual == null ? null : actual.role());
    }

    /**
     * Verifies the user does not have a role, allowing the provider's default role instead.
     *
     * @param role the role the user must not have
     * @return this assertion
     */
    public UserAssert doesNotHaveRole(String role) {
        isNotNull();
        if (actual.role().filter(role::equals).isPresent()) {
            failWithMessage("Expected user <%s> not to have role <%s> any more, but it has", actual.id(), role);
        }
        return this;
    }

    /**
     * Verifies the metadata as JSON: same keys, values equal as JSON.
     *
     * @param metadata the expected metadata
     * @return this assertion
     */
    public UserAssert hasMetadata(Map<String, ?> metadata) {
        isNotNull();
        if (!JsonValues.jsonEquals(metadata, actual.metadata())) {
            failWithMessage(
                    "Expected user <%s> to have metadata%n  <%s>%nbut it has%n  <%s>",
                    actual.id(), metadata, actual.metadata());
        }
        return this;
    }

    /** {@return this assertion, after verifying the user has no metadata} */
    public UserAssert hasNoMetadata() {
        return hasMetadata(Map.of());
    }

    /** {@return this assertion, after verifying the user is active: not deactivated, without a deactivation time} */
    public UserAssert isActive() {
        isNotNull();
        if (actual.deactivated() || actual.deactivatedAt().isPresent()) {
            failWithMessage(
                    "Expected user <%s> to be active, but it is deactivated (deactivatedAt <%s>)",
                    actual.id(), actual.deactivatedAt());
        }
        return this;
    }

    /** {@return this assertion, after verifying the user is deactivated, with or without a time} */
    public UserAssert isDeactivated() {
        isNotNull();
        if (!actual.deactivated()) {
            failWithMessage("Expected user <%s> to be deactivated, but it is active", actual.id());
        }
        return this;
    }

    /**
     * Verifies the user is deactivated and was deactivated within a time window, bounds included.
     *
     * @param from the earliest acceptable deactivation time
     * @param to the latest acceptable deactivation time
     * @return this assertion
     */
    public UserAssert wasDeactivatedBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        isDeactivated();
        Optional<Instant> at = actual.deactivatedAt();
        if (at.isEmpty() || at.get().isBefore(from) || at.get().isAfter(to)) {
            failWithMessage(
                    "Expected user <%s> to have been deactivated between <%s> and <%s>, but deactivatedAt is <%s>",
                    actual.id(), from, to, at);
        }
        return this;
    }

    /**
     * Verifies the user has the id and name of a create request and every optional field it set;
     * fields the request left empty are not checked (providers may fill defaults).
     *
     * @param request the request the user was created from
     * @return this assertion
     */
    public UserAssert matches(UserCreate request) {
        Objects.requireNonNull(request, "request");
        hasId(request.id());
        hasName(request.name());
        request.avatarUrl().ifPresent(this::hasAvatarUrl);
        request.profileUrl().ifPresent(this::hasProfileUrl);
        request.email().ifPresent(this::hasEmail);
        request.role().ifPresent(this::hasRole);
        if (!request.metadata().isEmpty()) {
            hasMetadata(request.metadata());
        }
        return this;
    }

    /**
     * Verifies the user has the same portable content as another, as {@link PortableEquality#all()}
     * compares it: id, name, URLs, e-mail, role, metadata as JSON and whether it is deactivated
     * (timestamps and raw payload are ignored).
     *
     * @param other the user to compare with
     * @return this assertion
     */
    public UserAssert hasSameContentAs(User other) {
        return hasSameContentAs(other, PortableEquality.all());
    }

    /**
     * Verifies the user has the same portable content as another, comparing only what a given
     * comparison looks at: e.g. a user copied between two providers, on the capabilities both share.
     *
     * @param other the user to compare with
     * @param equality the comparison
     * @return this assertion
     */
    public UserAssert hasSameContentAs(User other, PortableEquality equality) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(equality, "equality");
        isNotNull();
        List<String> differences = equality.differences(other, actual);
        if (!differences.isEmpty()) {
            failWithMessage(
                    "Expected user <%s> to have the same content as user <%s>, but %s differ:%s",
                    actual.id(), other.id(), differences, ContentDifferences.describe(other, actual, differences));
        }
        return this;
    }

    private UserAssert field(String name, Object expected, Object value) {
        isNotNull();
        if (!Objects.equals(expected, value)) {
            failWithMessage(
                    "Expected user <%s> to have %s%n  <%s>%nbut it has%n  <%s>", actual.id(), name, expected, value);
        }
        return this;
    }

    private UserAssert optional(String name, String expected, Optional<String> value) {
        return field(name, Optional.of(expected), value);
    }

    private UserAssert absent(String name, Optional<String> value) {
        return field(name, Optional.empty(), value);
    }
}

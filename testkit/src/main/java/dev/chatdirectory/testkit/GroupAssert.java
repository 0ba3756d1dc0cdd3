package dev.chatdirectory.testkit;

import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.JsonValues;
import dev.chatdirectory.model.PortableEquality;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Group}; obtain one with {@link ChatDirectoryAssertions#assertThat(Group)}.
 *
 * <p>Metadata is compared as JSON: numbers by value whatever their Java type, maps regardless of
 * key order.
 */
public class GroupAssert extends AbstractAssert<GroupAssert, Group> {

    /**
     * Creates the assertion.
     *
     * @param actual the group under test
     */
    public GroupAssert(Group actual) {
        super(actual, GroupAssert.class);
    }

    /**
     * Verifies the group's id.
     *
     * @param id the expected id
     * @return this assertion
     */
    public GroupAssert hasId(String id) {
        return field("id", id, actual == null ? null : actual.id());
    }

    /**
     * Verifies the group's name, exactly (no Unicode normalization).
     *
     * @param name the expected name
     * @return this assertion
     */
    public GroupAssert hasName(String name) {
        return field("name", name, actual == null ? null : actual.name());
    }

    /**
     * Verifies the group's type.
     *
     * @param type the expected type
     * @return this assertion
     */
    public GroupAssert hasType(GroupType type) {
        return field("type", type, actual == null ? null : actual.type());
    }

    /**
     * Verifies the description.
     *
     * @param description the expected description
     * @return this assertion
     */
    public GroupAssert hasDescription(String description) {
        return field("description", Optional.of(description), actual == null ? null : actual.description());
    }

    /** {@return this assertion, after verifying the group has no description} */
    public GroupAssert hasNoDescription() {
        return field("description", Optional.empty(), actual == null ? null : actual.description());
    }

    /**
     * Verifies the icon URL.
     *
     * @param url the expected URL
     * @return this assertion
     */
    public GroupAssert hasIconUrl(String url) {
        return field("iconUrl", Optional.of(url), actual == null ? null : actual.iconUrl());
    }

    /** {@return this assertion, after verifying the group has no icon URL} */
    public GroupAssert hasNoIconUrl() {
        return field("iconUrl", Optional.empty(), actual == null ? null : actual.iconUrl());
    }

    /**
     * Verifies the owner.
     *
     * @param userId the expected owner
     * @return this assertion
     */
    public GroupAssert hasOwner(String userId) {
        return field("ownerId", Optional.of(userId), actual == null ? null : actual.ownerId());
    }

    /**
     * Verifies the metadata as JSON: same keys, values equal as JSON.
     *
     * @param metadata the expected metadata
     * @return this assertion
     */
    public GroupAssert hasMetadata(Map<String, ?> metadata) {
        isNotNull();
        if (!JsonValues.jsonEquals(metadata, actual.metadata())) {
            failWithMessage(
                    "Expected group <%s> to have metadata%n  <%s>%nbut it has%n  <%s>",
                    actual.id(), metadata, actual.metadata());
        }
        return this;
    }

    /** {@return this assertion, after verifying the group has no metadata} */
    public GroupAssert hasNoMetadata() {
        return hasMetadata(Map.of());
    }

    /**
     * Verifies the group has the name and type of a create request, its id when the request chose
     * one, and every optional field the request set. The password is never compared: it must not
     * be readable.
     *
     * @param request the request the group was created from
     * @return this assertion
     */
    public GroupAssert matches(GroupCreate request) {
        Objects.requireNonNull(request, "request");
        request.id().ifPresent(this::hasId);
        hasName(request.name());
        hasType(request.type());
        request.description().ifPresent(this::hasDescription);
        request.iconUrl().ifPresent(this::hasIconUrl);
        request.ownerId().ifPresent(this::hasOwner);
        if (!request.metadata().isEmpty()) {
            hasMetadata(request.metadata());
        }
        return this;
    }

    /**
     * Verifies the group has the same portable content as another, as {@link PortableEquality#all()}
     * compares it: id, name, type, description, icon, owner and metadata as JSON (member count,
     * timestamps and raw payload are ignored).
     *
     * @param other the group to compare with
     * @return this assertion
     */
    public GroupAssert hasSameContentAs(Group other) {
        return hasSameContentAs(other, PortableEquality.all());
    }

    /**
     * Verifies the group has the same portable content as another, comparing only what a given
     * comparison looks at: e.g. a group copied between two providers, on the capabilities both
     * share.
     *
     * @param other the group to compare with
     * @param equality the comparison
     * @return this assertion
     */
    public GroupAssert hasSameContentAs(Group other, PortableEquality equality) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(equality, "equality");
        isNotNull();
        List<String> differences = equality.differences(other, actual);
        if (!differences.isEmpty()) {
            failWithMessage(
                    "Expected group <%s> to have the same content as group <%s>, but %s differ:%s",
                    actual.id(), other.id(), differences, ContentDifferences.describe(other, actual, differences));
        }
        return this;
    }

    /**
     * Verifies a secret (a group password) appears nowhere in the group: not in any field, the
     * metadata, the raw vendor payload or {@code toString()}.
     *
     * @param secret the text that must not appear
     * @return this assertion
     */
    public GroupAssert doesNotExpose(String secret) {
        isNotNull();
        Objects.requireNonNull(secret, "secret");
        String everything = actual + " " + JsonValues.toJson(actual.metadata()) + " " + JsonValues.toJson(actual.raw());
        if (everything.contains(secret)) {
            failWithMessage(
                    "Expected group <%s> not to expose its password, but it appears in%n  <%s>",
                    actual.id(), everything);
        }
        return this;
    }

    private GroupAssert field(String name, Object expected, Object value) {
        isNotNull();
        if (!Objects.equals(expected, value)) {
            failWithMessage(
                    "Expected group <%s> to have %s%n  <%s>%nbut it has%n  <%s>", actual.id(), name, expected, value);
        }
        return this;
    }
}

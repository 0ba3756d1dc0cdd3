package dev.chatdirectory.migrate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Target ids chosen by the user for source ids, taking precedence over the default translation;
 * the way to resolve collisions and ids the target rejects.
 *
 * <p>In a properties file, keys are {@code user.<sourceId>} and {@code group.<sourceId>}:
 *
 * <pre>{@code
 * user.Alice=alice-2
 * group.Team\ Blue=team-blue
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class IdMapping {

    private static final IdMapping NONE = new IdMapping(Map.of(), Map.of());

    private final Map<String, String> users;
    private final Map<String, String> groups;

    private IdMapping(Map<String, String> users, Map<String, String> groups) {
        this.users = Map.copyOf(users);
        this.groups = Map.copyOf(groups);
    }

    /** {@return the mapping that maps nothing} */
    public static IdMapping none() {
        return NONE;
    }

    /**
     * Returns a mapping of user and group ids.
     *
     * @param users target ids by source user id
     * @param groups target ids by source group id
     * @return the mapping
     * @throws NullPointerException if a map, key or value is {@code null}
     */
    public static IdMapping of(Map<String, String> users, Map<String, String> groups) {
        return new IdMapping(users, groups);
    }

    /**
     * Reads a mapping from properties with keys {@code user.<sourceId>} and {@code group.<sourceId>}.
     *
     * @param properties the properties
     * @return the mapping
     * @throws IllegalArgumentException naming a key that starts with neither prefix
     */
    public static IdMapping fromProperties(Properties properties) {
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (key.startsWith("user.")) {
                users.put(key.substring(5), value);
            } else if (key.startsWith("group.")) {
                groups.put(key.substring(6), value);
            } else {
                throw new IllegalArgumentException("id mapping key must start with 'user.' or 'group.': '" + key + "'");
            }
        }
        return new IdMapping(users, groups);
    }

    /**
     * Reads a mapping from a UTF-8 properties file (see {@link #fromProperties}).
     *
     * @param file the file
     * @return the mapping
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException naming a key that starts with neither prefix
     */
    public static IdMapping fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read id mapping " + file, e);
        }
        return fromProperties(properties);
    }

    /**
     * {@return the target id chosen for a source id, if any}
     *
     * @param entity {@link EntityKind#USER} or {@link EntityKind#GROUP}
     * @param sourceId the source id
     */
    public Optional<String> targetId(EntityKind entity, String sourceId) {
        Objects.requireNonNull(sourceId, "sourceId");
        return switch (entity) {
            case USER -> Optional.ofNullable(users.get(sourceId));
            case GROUP -> Optional.ofNullable(groups.get(sourceId));
            default -> throw new IllegalArgumentException("only user and group ids are mapped: " + entity);
        };
    }

    @Override
    public String toString() {
        return "IdMapping[users=" + users.size() + ", groups=" + groups.size() + "]";
    }
}

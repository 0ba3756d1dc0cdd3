package dev.chatdirectory.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Renders the fields {@link dev.chatdirectory.model.PortableEquality} found differing, with both values. */
final class ContentDifferences {

    private ContentDifferences() {}

    /**
     * Describes each named component of two records of the same type, one line each.
     *
     * @param expected the record the assertion expected
     * @param actual the record under test
     * @param names the names of differing record components
     * @return lines such as {@code role: expected <Optional[vip]> but was <Optional.empty>}
     */
    static String describe(Record expected, Record actual, List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append(String.format(
                    "%n  %s: expected <%s> but was <%s>", name, component(expected, name), component(actual, name)));
        }
        return sb.toString();
    }

    private static Object component(Record record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
                }
            }
        }
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
    }
}

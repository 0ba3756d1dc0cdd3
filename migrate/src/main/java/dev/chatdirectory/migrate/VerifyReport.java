package dev.chatdirectory.migrate;

import dev.chatdirectory.model.JsonValues;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of comparing the target with the source entity by entity through the id map.
 *
 * <p>Declared losses are listed as such and never count as differences; entities held back by an
 * id problem and entities the target cannot be read back for are counted apart. {@link #clean()}
 * is {@code false} when anything unexpected differs. Immutable and thread-safe.
 *
 * @param checked per entity kind, how many source entities were compared
 * @param differenceCount how many differ or are missing
 * @param differences the first of them (at most {@value #MAX_LISTED_DIFFERENCES})
 * @param heldBack entities not written because of an id problem or an uncertain earlier write
 * @param unverifiable entities the target cannot show (e.g. deactivated users of a target that
 *     cannot list them), trusted from the journal
 * @param losses the declared losses
 */
public record VerifyReport(
        Map<EntityKind, Long> checked,
        long differenceCount,
        List<Difference> differences,
        long heldBack,
        long unverifiable,
        LossReport losses) {

    /** The most differences a report lists. */
    public static final int MAX_LISTED_DIFFERENCES = 1000;

    /**
     * Copies the values.
     *
     * @param checked compared per kind
     * @param differenceCount how many differ
     * @param differences the first of them
     * @param heldBack entities held back
     * @param unverifiable entities the target cannot show
     * @param losses the declared losses
     */
    public VerifyReport {
        Map<EntityKind, Long> all = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            all.put(kind, checked.getOrDefault(kind, 0L));
        }
        checked = Map.copyOf(all);
        differences = List.copyOf(differences);
        Objects.requireNonNull(losses, "losses");
    }

    /** {@return whether the target holds everything the source does, beyond the declared losses} */
    public boolean clean() {
        return differenceCount == 0 && heldBack == 0;
    }

    /** {@return the report for people} */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(clean() ? "verified: the target matches the source" : "NOT verified: the target differs")
                .append(" (beyond declared losses)\n");
        for (EntityKind kind : EntityKind.values()) {
            sb.append(String.format("  %-13s %8d checked%n", kind.name().toLowerCase(), checked.get(kind)));
        }
        sb.append("differences: ").append(differenceCount).append('\n');
        differences.forEach(d -> sb.append(String.format(
                "  %s %s %s: %s%n", d.entity().name().toLowerCase(), d.sourceKey(), d.kind(), d.detail())));
        if (heldBack > 0) {
            sb.append("held back (id problems or uncertain writes): ")
                    .append(heldBack)
                    .append('\n');
        }
        if (unverifiable > 0) {
            sb.append("not readable in the target, trusted from the journal: ")
                    .append(unverifiable)
                    .append('\n');
        }
        sb.append("declared losses:\n").append(losses.toText());
        return sb.toString();
    }

    /** {@return the report as JSON, for machines} */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("clean", clean());
        Map<String, Object> checkedJson = new LinkedHashMap<>();
        checked.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> checkedJson.put(e.getKey().name(), e.getValue()));
        root.put("checked", checkedJson);
        root.put("differenceCount", differenceCount);
        List<Object> diffs = new ArrayList<>();
        for (Difference d : differences) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entity", d.entity().name());
            m.put("sourceKey", d.sourceKey());
            m.put("kind", d.kind().name());
            m.put("detail", d.detail());
            diffs.add(m);
        }
        root.put("differences", diffs);
        root.put("heldBack", heldBack);
        root.put("unverifiable", unverifiable);
        List<Object> lossJson = new ArrayList<>();
        for (Loss l : losses.losses()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entity", l.entity().name());
            m.put("kind", l.kind().name());
            m.put("count", l.count());
            lossJson.add(m);
        }
        root.put("declaredLosses", lossJson);
        return JsonValues.toJson(root);
    }
}

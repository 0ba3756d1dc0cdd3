package dev.chatdirectory.migrate;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a migration cannot carry over, per entity kind and loss kind, with counts; computed
 * by the plan before anything is written.
 *
 * <p>Immutable and thread-safe.
 *
 * @param losses the losses, ordered by entity kind then loss kind, one per pair
 */
public record LossReport(List<Loss> losses) {

    /**
     * Copies and orders the losses.
     *
     * @param losses the losses, one per entity kind and loss kind
     * @throws IllegalArgumentException if a pair appears twice
     */
    public LossReport {
        losses = losses.stream()
                .sorted(Comparator.comparing(Loss::entity).thenComparing(Loss::kind))
                .toList();
        long pairs =
                losses.stream().map(l -> l.entity() + "/" + l.kind()).distinct().count();
        if (pairs != losses.size()) {
            throw new IllegalArgumentException("one loss per entity kind and loss kind: " + losses);
        }
    }

    /** {@return whether nothing is lost} */
    public boolean isEmpty() {
        return losses.isEmpty();
    }

    /** {@return the kinds of loss present} */
    public Set<LossKind> kinds() {
        return losses.isEmpty()
                ? EnumSet.noneOf(LossKind.class)
                : losses.stream()
                        .map(Loss::kind)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(LossKind.class)));
    }

    /**
     * {@return how many entities of a kind lose a thing; 0 if none}
     *
     * @param entity the entity kind
     * @param kind the loss kind
     */
    public long count(EntityKind entity, LossKind kind) {
        return losses.stream()
                .filter(l -> l.entity() == entity && l.kind() == kind)
                .mapToLong(Loss::count)
                .sum();
    }

    /**
     * {@return the kinds present and not accepted}
     *
     * @param accepted the kinds the caller accepts
     */
    public Set<LossKind> unaccepted(Set<LossKind> accepted) {
        Set<LossKind> open = kinds();
        open.removeAll(accepted);
        return open;
    }

    /** {@return the report for people: per loss, its count and kind, then what it means; fits 80 columns} */
    public String toText() {
        if (losses.isEmpty()) {
            return "nothing is lost\n";
        }
        StringBuilder sb = new StringBuilder();
        for (Loss l : losses) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-12s %-20s %8d%n    %s%n",
                    l.entity().name().toLowerCase(Locale.ROOT),
                    l.kind(),
                    l.count(),
                    l.kind().description()));
        }
        return sb.toString();
    }
}

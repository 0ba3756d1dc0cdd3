package dev.chatdirectory.migrate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a migration will do: per entity kind what is created, updated, left alone, held back or
 * left out; what cannot carry over; and which ids cannot be translated. Written to the journal
 * before anything is sent to the target.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tallies per entity kind, every kind present
 * @param losses what cannot carry over
 * @param idProblemCount how many source ids cannot be given a target id
 * @param idProblems the first of them (at most {@value #MAX_LISTED_ID_PROBLEMS}); the journal holds them all
 * @param notes what the plan could not check, for people (e.g. a source that cannot list
 *     deactivated users)
 */
public record MigrationPlan(
        Map<EntityKind, Tally> tallies,
        LossReport losses,
        long idProblemCount,
        List<IdProblem> idProblems,
        List<String> notes) {

    /** The most id problems a plan lists; {@link #idProblemCount()} counts them all. */
    public static final int MAX_LISTED_ID_PROBLEMS = 100;

    /**
     * Copies the values and fills absent kinds with {@link Tally#NONE}.
     *
     * @param tallies per entity kind
     * @param losses what cannot carry over
     * @param idProblemCount how many ids cannot be translated
     * @param idProblems the first of them
     * @param notes what the plan could not check
     */
    public MigrationPlan {
        Map<EntityKind, Tally> all = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            all.put(kind, tallies.getOrDefault(kind, Tally.NONE));
        }
        tallies = Map.copyOf(all);
        Objects.requireNonNull(losses, "losses");
        idProblems = List.copyOf(idProblems);
        notes = List.copyOf(notes);
    }

    /**
     * {@return the tally of one entity kind}
     *
     * @param kind the kind
     */
    public Tally tally(EntityKind kind) {
        return tallies.get(kind);
    }

    /** {@return how many writes applying the plan sends at most} */
    public long writes() {
        return tallies.values().stream().mapToLong(Tally::writes).sum();
    }

    /** {@return the plan for people: what will be done, what is lost, which ids are held back} */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                "%-13s %7s %7s %9s %7s %8s %7s %5s%n",
                "", "create", "update", "unchanged", "blocked", "left out", "remove", "kept"));
        for (EntityKind kind : EntityKind.values()) {
            Tally t = tally(kind);
            sb.append(String.format(
                    "%-13s %7d %7d %9d %7d %8d %7d %5d%n",
                    kind.name().toLowerCase(),
                    t.create(),
                    t.update(),
                    t.unchanged(),
                    t.blocked(),
                    t.leftOut(),
                    t.remove(),
                    t.kept()));
        }
        sb.append("\nlosses:\n").append(losses.toText());
        if (idProblemCount > 0) {
            sb.append("\nids held back: ").append(idProblemCount).append('\n');
            idProblems.forEach(p -> sb.append(String.format(
                    "  %s %s %s: %s%n", p.entity().name().toLowerCase(), p.sourceId(), p.kind(), p.detail())));
        }
        notes.forEach(n -> sb.append("note: ").append(n).append('\n'));
        return sb.toString();
    }
}

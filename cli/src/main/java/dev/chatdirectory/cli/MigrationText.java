package dev.chatdirectory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.migrate.MigrationPlan;
import dev.chatdirectory.migrate.MigrationStatus;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** How the migrate commands print plans and results: text for people, JSON for machines. */
final class MigrationText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Column headings of the status table, at most 7 characters so that it fits 80 columns. */
    private static final Map<MigrationStatus.ItemState, String> STATE_HEADINGS = Map.of(
            MigrationStatus.ItemState.PLANNED, "planned",
            MigrationStatus.ItemState.IN_FLIGHT, "sending",
            MigrationStatus.ItemState.APPLIED, "written",
            MigrationStatus.ItemState.UNCHANGED, "existed",
            MigrationStatus.ItemState.FAILED, "failed",
            MigrationStatus.ItemState.BLOCKED, "blocked",
            MigrationStatus.ItemState.LOST_BY_DECISION, "lost",
            MigrationStatus.ItemState.KEPT, "kept");

    private MigrationText() {}

    static String plan(MigrationPlan plan) {
        return fitted(plan.toText() + String.format(Locale.ROOT, "%nat most %d writes%n", plan.writes()));
    }

    /** Wraps every line of a report at 80 columns, continuation lines indented. */
    static String fitted(String text) {
        StringBuilder fitted = new StringBuilder();
        text.lines()
                .forEach(line -> Table.wrap(line, 80, 4)
                        .forEach(part -> fitted.append(part).append('\n')));
        return fitted.toString();
    }

    static String planJson(MigrationPlan plan) {
        return json(plan);
    }

    static String apply(ApplyResult result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-13s %8s %8s%n", "", "written", "failed"));
        for (EntityKind kind : EntityKind.values()) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-13s %8d %8d%n",
                    kind.name().toLowerCase(Locale.ROOT),
                    result.applied().get(kind),
                    result.failed().get(kind)));
        }
        result.failures()
                .forEach(failure -> text.append("failed: ").append(failure).append('\n'));
        text.append(
                result.cancelled()
                        ? "stopped before every item was tried\n"
                        : result.succeeded() ? "done\n" : "done, with failures: the same command tries them again\n");
        return fitted(text.toString());
    }

    static String applyJson(ApplyResult result) {
        return json(result);
    }

    static String status(MigrationStatus status, Path journal) {
        StringBuilder text = new StringBuilder();
        text.append("migration ")
                .append(status.sourceProvider())
                .append(" -> ")
                .append(status.targetProvider())
                .append("\njournal: ")
                .append(journal)
                .append('\n');
        text.append(String.format(Locale.ROOT, "%-13s", ""));
        for (MigrationStatus.ItemState state : MigrationStatus.ItemState.values()) {
            text.append(String.format(Locale.ROOT, "%8s", STATE_HEADINGS.get(state)));
        }
        text.append('\n');
        for (EntityKind kind : EntityKind.values()) {
            text.append(String.format(Locale.ROOT, "%-13s", kind.name().toLowerCase(Locale.ROOT)));
            for (MigrationStatus.ItemState state : MigrationStatus.ItemState.values()) {
                text.append(String.format(
                        Locale.ROOT, "%8d", status.items().get(kind).get(state)));
            }
            text.append('\n');
        }
        text.append("(sending: sent when the run stopped, checked on the target before any resend;"
                + " existed: already on the target; lost: left out by an accepted loss; kept: removed in"
                + " the source, kept in the target)\n");
        status.problems()
                .forEach(problem -> text.append(problem.state().name().toLowerCase(Locale.ROOT))
                        .append(": ")
                        .append(problem.kind().name().toLowerCase(Locale.ROOT))
                        .append(' ')
                        .append(problem.sourceId())
                        .append(": ")
                        .append(problem.reason())
                        .append('\n'));
        long pending = Arrays.stream(MigrationStatus.ItemState.values())
                .filter(MigrationStatus.ItemState::pending)
                .mapToLong(status::count)
                .sum();
        text.append(
                status.complete()
                        ? "complete\n"
                        : pending == 0
                                ? "not complete: nothing planned yet; 'migrate run' plans and writes\n"
                                : "not complete: " + pending + " item(s) to write; 'migrate run' with the same options"
                                        + " continues\n");
        return fitted(text.toString());
    }

    static String statusJson(MigrationStatus status) {
        return json(status);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

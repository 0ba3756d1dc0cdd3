package dev.chatdirectory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.migrate.MigrationPlan;
import java.io.UncheckedIOException;
import java.util.Locale;

/** How the migrate commands print plans and results: text for people, JSON for machines. */
final class MigrationText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

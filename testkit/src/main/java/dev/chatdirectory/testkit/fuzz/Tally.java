package dev.chatdirectory.testkit.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a fuzz run by row (a kind of input, an operation) and outcome, rendered as a Markdown
 * table in the order rows and outcomes were first counted. Thread-safe.
 */
final class Tally {

    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();

    synchronized void add(String row, String outcome) {
        counts.computeIfAbsent(row, r -> new LinkedHashMap<>()).merge(outcome, 1L, Long::sum);
    }

    /** {@return the count of one outcome over all rows} */
    synchronized long total(String outcome) {
        return counts.values().stream()
                .mapToLong(row -> row.getOrDefault(outcome, 0L))
                .sum();
    }

    /** {@return the table: one line per row, its total and its count per outcome} */
    synchronized String table(String rowHeader) {
        StringBuilder table =
                new StringBuilder("| ").append(rowHeader).append(" | cases | outcomes |\n|---|---:|---|\n");
        counts.forEach((row, outcomes) -> {
            List<String> shown = new ArrayList<>();
            outcomes.forEach((outcome, count) -> shown.add(String.format("%,d %s", count, outcome)));
            table.append("| ")
                    .append(row)
                    .append(" | ")
                    .append(String.format(
                            "%,d",
                            outcomes.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum()))
                    .append(" | ")
                    .append(String.join("; ", shown))
                    .append(" |\n");
        });
        return table.toString();
    }
}

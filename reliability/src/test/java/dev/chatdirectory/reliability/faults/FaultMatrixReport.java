package dev.chatdirectory.reliability.faults;

import java.util.List;
import java.util.Map;

/** Renders the matrix's cells as the Markdown section of docs/reliability.md. */
final class FaultMatrixReport {

    private FaultMatrixReport() {}

    static String render(Map<String, Map<String, Map<Fault, String>>> table, int cells) {
        List<Fault> faults = List.of(Fault.values());
        StringBuilder md = new StringBuilder();
        md.append("## Fault matrix\n\n")
                .append("Every HTTP provider against its emulator, every operation, every fault, struck once into the ")
                .append("operation's principal request (`FaultMatrixTest` in the `reliability` module): ")
                .append(cells)
                .append(" cells, each run first without the fault (to count its requests) and then with it. A cell ")
                .append("passes when the operation succeeds after a retry its call safety allows, or fails with the ")
                .append("typed exception the fault calls for; with exactly the requests counted below (from the ")
                .append("proxy's request journal, and only the faulted request missing at the emulator when the fault ")
                .append("strikes before it); ending within the call deadline (an ")
                .append(
                        "operation's other calls taking what they take without the fault); and with the write in the emulator's state ")
                .append("exactly once, or not at all when nothing reached the vendor and the call failed.\n\n")
                .append("Deadlines: ")
                .append(Vendor.DEADLINE.toMillis())
                .append(" ms, and ")
                .append(Vendor.SHORT_DEADLINE.toMillis())
                .append(" ms for the answers that come too late (the slow ones are ")
                .append(Fault.SLOW_MILLIS)
                .append(" ms late, the endless body trickles for a minute). Retries: ")
                .append(Vendor.RETRIES.maxAttempts())
                .append(" attempts, backoff up to ")
                .append(Vendor.RETRIES.maxBackoff().toMillis())
                .append(" ms, `Retry-After` honoured up to ")
                .append(Vendor.RETRIES.maxRetryAfter().toSeconds())
                .append(" s.\n\n")
                .append("Faults: ");
        for (int i = 0; i < faults.size(); i++) {
            md.append(i == 0 ? "" : "; ")
                    .append("**F")
                    .append(i + 1)
                    .append("** ")
                    .append(faults.get(i))
                    .append(faults.get(i).stage() == Fault.Stage.AFTER ? " (after the vendor applied it)" : "");
        }
        md.append(".\n\n")
                .append("Cells: `✓ n` succeeded with n requests in all; `Unavailable`, `Protocol`, `RateLimited` ")
                .append("name the `Provider…Exception`/`RateLimitedException` thrown, with the requests sent; ")
                .append("`item failed` is a per-user outcome `FAILED` (CometChat's one-call-per-user writes); ")
                .append("`–` does not apply: the slow look-up follows guarded creates only, and an unsupported ")
                .append(
                        "operation is refused with `UnsupportedCapabilityException` before sending (a skipped test).\n\n");
        md.append("| provider | operation |");
        for (int i = 0; i < faults.size(); i++) {
            md.append(" F").append(i + 1).append(" |");
        }
        md.append('\n').append("|---|---|");
        md.append("---|".repeat(faults.size())).append('\n');
        table.forEach((provider, rows) -> rows.forEach((operation, row) -> {
            md.append("| ").append(provider).append(" | ").append(operation);
            if (row.isEmpty()) {
                md.append(" (unsupported: refused before sending)");
            }
            md.append(" |");
            for (Fault fault : faults) {
                md.append(' ').append(row.getOrDefault(fault, "–")).append(" |");
            }
            md.append('\n');
        }));
        md.append("\nDefects found: none. Every cell ended as its fault and call safety call for.\n");
        return md.toString();
    }
}

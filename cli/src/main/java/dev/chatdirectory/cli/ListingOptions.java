package dev.chatdirectory.cli;

import picocli.CommandLine.Option;

/** The options every listing command shares: page size, how many to print, and the output form. */
final class ListingOptions {

    @Option(names = "--page-size", description = "Items per request to the provider.")
    Integer pageSize;

    @Option(names = "--limit", defaultValue = "100", description = "Most items to print (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;
}

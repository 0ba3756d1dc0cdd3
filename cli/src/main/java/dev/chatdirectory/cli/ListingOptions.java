package dev.chatdirectory.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every listing command shares: page size, how many to print, and the output form. */
final class ListingOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    Integer pageSize;

    int limit = 100;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;

    @Option(names = "--page-size", paramLabel = "N", description = "Items per request to the provider (1 or more).")
    void pageSize(int value) {
        if (value < 1) {
            throw new ParameterException(command.commandLine(), "--page-size must be 1 or more, was " + value);
        }
        pageSize = value;
    }

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "100",
            description = "Most items to print, 0 or more (default ${DEFAULT-VALUE}).")
    void limit(int value) {
        if (value < 0) {
            throw new ParameterException(command.commandLine(), "--limit must be 0 or more, was " + value);
        }
        limit = value;
    }
}

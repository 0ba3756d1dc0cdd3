package dev.chatdirectory.cli;

import dev.chatdirectory.emulator.VendorEmulator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs one vendor emulator until interrupted, like LocalStack for one vendor. */
@Command(name = "emulate", description = "Runs a vendor emulator locally until interrupted (Ctrl-C).")
final class EmulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "The vendor: ${COMPLETION-CANDIDATES}.")
    EmulatedVendor vendor;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on; 0 picks a free one.")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        VendorEmulator emulator = vendor.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s emulator listening on %s%n", vendor.cliName(), emulator.baseUrl());
        out.printf("Configure provider %s with:%n", vendor.providerId());
        out.printf("  chatdirectory.%s.endpoint=%s%n", vendor.providerId(), emulator.baseUrl());
        // The emulator's credentials are throw-away values generated for this run.
        emulator.credentials()
                .forEach((name, value) -> out.printf("  chatdirectory.%s.%s=%s%n", vendor.providerId(), name, value));
        out.flush();
        stopped.await();
        return 0;
    }
}

package dev.chatdirectory.cli;

import dev.chatdirectory.ChatDirectories;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.emulator.VendorEmulator;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs one vendor emulator until interrupted, like LocalStack for one vendor. */
@Command(
        name = "emulate",
        description = {
            "Runs a vendor emulator on 127.0.0.1 (or --host) until interrupted (Ctrl-C), and prints the"
                    + " provider configuration that points at it, ready to paste into a properties file."
        })
final class EmulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VENDOR", description = "The vendor: ${COMPLETION-CANDIDATES}.")
    EmulatedVendor vendor;

    private int port;

    private int seed;

    private InetAddress host = InetAddress.getLoopbackAddress();

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on, one of this machine's (default ${DEFAULT-VALUE}, this machine"
                    + " only); 0.0.0.0 listens on every interface.")
    void host(String value) {
        InetAddress address;
        try {
            address = InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--host: unknown host '" + value + "'");
        }
        if (!isLocal(address)) {
            throw new ParameterException(spec.commandLine(), "--host: " + value + " is not an address of this machine");
        }
        host = address;
    }

    private static boolean isLocal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "Port to listen on, 1 to 65535; 0 (the default) picks a free one.")
    void port(int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + value);
        }
        port = value;
    }

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Users to create before serving, with one group per ten of them (default none).")
    void seed(int value) {
        if (value < 0 || value > SampleDirectory.MAX_USERS) {
            throw new ParameterException(
                    spec.commandLine(), "--seed must be between 0 and " + SampleDirectory.MAX_USERS + ", was " + value);
        }
        seed = value;
    }

    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile VendorEmulator<?> running;

    @Override
    public Integer call() throws InterruptedException {
        VendorEmulator<?> emulator = start();
        running = emulator;
        Thread onExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(onExit);
        ProviderConfig config = vendor.config(emulator);
        PrintWriter out = spec.commandLine().getOut();
        if (seed > 0) {
            try (ChatDirectory directory = ChatDirectories.open(config)) {
                SampleDirectory.Seeded seeded = SampleDirectory.seed(directory, seed);
                out.printf("Seeded %d users and %d groups.%n", seeded.users(), seeded.groups());
            }
        }
        out.printf("%s emulator listening on %s%n", vendor.cliName(), emulator.baseUrl());
        if (host.isAnyLocalAddress()) {
            out.println("It listens on every interface: from another machine, use this machine's address"
                    + " in the endpoint below.");
        }
        out.println("Provider configuration (throw-away credentials generated for this run):");
        out.println();
        printProperties(out, emulator);
        out.println();
        out.println("Save these lines as app.properties and run, for example:");
        out.println("  chatdirectory users --config app.properties");
        out.println("Press Ctrl-C to stop the emulator; its data is kept in memory only.");
        out.flush();
        stopped.await();
        removeHook(onExit);
        return ExitCode.OK;
    }

    /** Stops the emulator and lets {@link #call()} return; what Ctrl-C does, callable by embedders. */
    void stop() {
        VendorEmulator<?> emulator = running;
        if (emulator != null) {
            emulator.close();
        }
        stopped.countDown();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and runs the hook anyway; closing twice is harmless.
        }
    }

    private VendorEmulator<?> start() {
        try {
            return vendor.start(host, port);
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new UsageException("port " + port + " is already in use; pick another with --port, or 0", e);
            }
            throw e;
        }
    }

    private void printProperties(PrintWriter out, VendorEmulator<?> emulator) {
        String prefix = "chatdirectory." + vendor.providerId() + ".";
        out.println("chatdirectory.provider=" + vendor.providerId());
        out.println(prefix + "endpoint=" + emulator.baseUrl());
        vendor.properties(emulator).forEach((name, value) -> out.println(prefix + name + "=" + value));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

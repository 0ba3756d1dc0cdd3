package dev.chatdirectory.reliability;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.Migration;
import dev.chatdirectory.migrate.MigrationOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The migrating process of a chaos run, started in a child JVM so that the crash is real: the test
 * kills it with {@code destroyForcibly} (SIGKILL) at the chosen write, with requests in flight and the
 * journal open. Applies until the migration succeeds; prints each fault it injects into a memory
 * source, for the report.
 */
final class ChaosWorker {

    /** Attempts before the worker gives up, far more than 5% faults ever need. */
    static final int MAX_APPLIES = 30;

    private ChaosWorker() {}

    /**
     * Runs the migration described by a properties file ({@link ChaosSide#configure} keys plus
     * {@code chaos.*}).
     *
     * @param args the properties file
     */
    public static void main(String[] args) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        long seed = Long.parseLong(p.getProperty("chaos.seed"));
        double rate = Double.parseDouble(p.getProperty("chaos.rate"));
        int users = Integer.parseInt(p.getProperty("chaos.users"));
        ChaosFaults memoryFaults = new ChaosFaults(seed, rate, kind -> {
            System.out.println("fault " + kind);
            System.out.flush();
        });
        try (ChatDirectory source = openSource(p, seed, users, memoryFaults);
                ChatDirectory target = ChaosSide.open(p, "target");
                Migration m = migration(p, source, target)) {
            for (int i = 0; i < MAX_APPLIES; i++) {
                try {
                    ApplyResult result = m.apply();
                    if (result.succeeded()) {
                        System.out.println("succeeded");
                        System.exit(0);
                    }
                } catch (ChatDirectoryException e) {
                    System.out.println("apply failed: " + e.getClass().getSimpleName());
                }
            }
        }
        System.exit(2);
    }

    static ChatDirectory openSource(Properties p, long seed, int users, ChaosFaults memoryFaults) {
        ChatDirectory source = ChaosSide.open(p, "source");
        if (!source.provider().id().equals(ChaosSide.MEMORY.providerId())) {
            return source;
        }
        // the in-memory source lives in this process: filled the same way in every process of the run
        ChaosData.seed(source, seed, users);
        return FaultyDirectory.wrap(source, memoryFaults, ChaosCrash.none());
    }

    static Migration migration(Properties p, ChatDirectory source, ChatDirectory target) {
        return Migration.builder()
                .source(source, ChaosSide.config(p, "source"))
                .target(target, ChaosSide.config(p, "target"))
                .journal(Path.of(p.getProperty("chaos.journal")))
                .options(MigrationOptions.builder()
                        .acceptAllLosses()
                        .concurrency(Integer.parseInt(p.getProperty("chaos.concurrency")))
                        .build())
                .build();
    }
}

package dev.chatdirectory.bench;

import dev.chatdirectory.http.SecretRedactor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What redacting a wire-log line costs: the redactor (secret, its vendor echo, password fields)
 * against a plain {@link String#replace} of the secret, on a typical request-body line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RedactionBenchmark {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String LINE = "[CometChatApi#createGroup] {\"guid\":\"team-42\",\"name\":\"Team 42\","
            + "\"type\":\"password\",\"password\":\"open-sesame\",\"owner\":\"zoe\"} apikey: " + SECRET;

    private static final String HEADER_LINE = "[CometChatApi#getUser] apikey: " + SECRET;

    private final SecretRedactor redactor = SecretRedactor.of(List.of(SECRET));

    /** Baseline: replacing the one secret, nothing else. */
    @Benchmark
    public String plainReplace() {
        return LINE.replace(SECRET, "****");
    }

    /** Candidate: the redactor every log line and exception message goes through. */
    @Benchmark
    public String redactor() {
        return redactor.redact(LINE);
    }

    /** Baseline for a header line: replacing the secret. */
    @Benchmark
    public String plainReplaceHeaderLine() {
        return HEADER_LINE.replace(SECRET, "****");
    }

    /** Candidate for a header line (no password field, the common case). */
    @Benchmark
    public String redactorHeaderLine() {
        return redactor.redact(HEADER_LINE);
    }
}

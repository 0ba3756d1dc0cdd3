package dev.chatdirectory.http;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign request logging through SLF4J, with secrets removed from every line.
 *
 * <p>The logger is named {@code dev.chatdirectory.http.wire.<providerId>}. At DEBUG it logs
 * request and response lines with headers; at TRACE also bodies. Values of credential headers
 * are always masked, and every configured secret is masked wherever it appears.
 */
final class RedactingFeignLogger extends feign.Logger {

    private static final String HEADER_FORMAT = "%s: %s";

    private final Logger log;
    private final SecretRedactor redactor;
    private final Consumer<String> sink;

    RedactingFeignLogger(String providerId, SecretRedactor redactor) {
        this.log = LoggerFactory.getLogger("dev.chatdirectory.http.wire." + providerId);
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.sink = line -> {
            if (log.isTraceEnabled()) {
                log.trace(line);
            } else {
                log.debug(line);
            }
        };
    }

    /** For tests: sends the redacted lines to a sink instead of SLF4J. */
    RedactingFeignLogger(String providerId, SecretRedactor redactor, Consumer<String> sink) {
        this.log = LoggerFactory.getLogger("dev.chatdirectory.http.wire." + providerId);
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** {@return the Feign detail level matching what SLF4J will let through} */
    feign.Logger.Level level() {
        if (log.isTraceEnabled()) {
            return feign.Logger.Level.FULL;
        }
        return log.isDebugEnabled() ? feign.Logger.Level.HEADERS : feign.Logger.Level.NONE;
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        Object[] safeArgs = args.clone();
        if (HEADER_FORMAT.equals(format) && safeArgs.length == 2) {
            safeArgs[1] = redactor.redactHeader(String.valueOf(safeArgs[0]), String.valueOf(safeArgs[1]));
        }
        sink.accept(redactor.redact(methodTag(configKey) + String.format(format, safeArgs)));
    }
}

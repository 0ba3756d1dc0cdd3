package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The redacting Feign logger")
class RedactingFeignLoggerTest {

    private static final String KEY = "key-0123456789-abcdefghij";

    /** Captures formatted lines instead of sending them to SLF4J. */
    private static final class Capturing extends RedactingFeignLoggerTestSupport {
        Capturing() {
            super(SecretRedactor.of(List.of(KEY)));
        }
    }

    @Test
    @DisplayName("masks credential headers and every secret value in every line")
    void masks() {
        Capturing logger = new Capturing();

        logger.line("Api#get(String)", "%s: %s", "apikey", KEY);
        logger.line("Api#get(String)", "%s: %s", "X-Custom", "token=" + KEY);
        logger.line("Api#get(String)", "<--- HTTP/1.1 401 (%sms) body: %s", 5, "{\"message\":\"key key-0*****fghij\"}");

        assertThat(logger.lines)
                .hasSize(3)
                .noneMatch(line -> line.contains(KEY))
                .noneMatch(l -> l.contains("key-0*"));
        assertThat(logger.lines.get(0)).endsWith("apikey: ****");
        assertThat(logger.lines.get(1)).endsWith("X-Custom: token=****");
    }

    /** Exposes the formatting path of {@link RedactingFeignLogger} without an SLF4J backend. */
    abstract static class RedactingFeignLoggerTestSupport {
        final List<String> lines = new ArrayList<>();
        private final RedactingFeignLogger logger;

        RedactingFeignLoggerTestSupport(SecretRedactor redactor) {
            this.logger = new RedactingFeignLogger("vendor", redactor, lines::add);
        }

        void line(String configKey, String format, Object... args) {
            logger.log(configKey, format, args);
        }
    }
}

package dev.chatdirectory.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration every adapter uses: unknown fields ignored (vendors add fields),
 * {@code java.time} and {@code Optional} support, absent and empty optionals not written.
 *
 * <p>The returned mapper is shared and thread-safe; do not reconfigure it.
 */
public final class JsonMappers {

    private static final ObjectMapper SHARED = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    private JsonMappers() {}

    /** {@return the shared, configured mapper} */
    public static ObjectMapper shared() {
        return SHARED;
    }
}

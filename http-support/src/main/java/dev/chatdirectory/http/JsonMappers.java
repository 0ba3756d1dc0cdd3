package dev.chatdirectory.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The one Jackson configuration every adapter uses: unknown fields ignored (vendors add fields),
 * {@code Optional} support, absent and empty optionals not written.
 *
 * <p>It has no {@code java.time} support: adapters read vendors' times from JSON trees ({@link
 * WireJson}) and write none, and the module would load some fifty classes into every directory's
 * cold start for nothing. A {@code java.time} value given to it fails to serialize.
 *
 * <p>The returned mapper is shared and thread-safe; do not reconfigure it.
 */
public final class JsonMappers {

    private static final ObjectMapper SHARED = JsonMapper.builder()
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

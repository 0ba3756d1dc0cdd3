package dev.chatdirectory.http;

import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Decodes JSON bodies with the shared mapper and turns an empty or malformed body into a {@link
 * dev.chatdirectory.ProviderProtocolException}.
 */
final class ProtocolSafeDecoder implements Decoder {

    private final Decoder json;
    private final ErrorMapper errors;

    ProtocolSafeDecoder(Decoder json, ErrorMapper errors) {
        this.json = Objects.requireNonNull(json, "json");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.body() == null
                || response.body().length() != null && response.body().length() == 0) {
            throw errors.protocolError("empty body with HTTP " + response.status(), null);
        }
        Object value;
        try {
            value = json.decode(response, type);
        } catch (IOException | RuntimeException e) {
            throw errors.protocolError("malformed JSON body with HTTP " + response.status(), e);
        }
        if (value == null) {
            throw errors.protocolError("empty JSON body with HTTP " + response.status(), null);
        }
        return value;
    }
}

package dev.chatdirectory.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Decodes JSON bodies with the shared mapper: an empty or malformed body becomes a {@link
 * dev.chatdirectory.ProviderProtocolException}, and a vendor {@link EnvelopeReader}, when given,
 * turns failure envelopes sent with HTTP 2xx into the API's exceptions.
 */
final class ProtocolSafeDecoder implements Decoder {

    private final ObjectMapper mapper;
    private final ErrorMapper errors;
    private final EnvelopeReader envelope;

    /**
     * Creates the decoder.
     *
     * @param envelope the vendor's envelope rule, or {@code null} when the parsed body is the payload
     */
    ProtocolSafeDecoder(ObjectMapper mapper, ErrorMapper errors, EnvelopeReader envelope) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.envelope = envelope;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        int status = response.status();
        Response.Body raw = response.body();
        Integer length = raw == null ? Integer.valueOf(0) : raw.length();
        if (length != null && length == 0) {
            throw errors.protocolError("empty body with HTTP " + status, null);
        }
        // The transport holds the body in memory already, bounded, and can hand it out again: it
        // is parsed straight from there, and read again only for an envelope that turns out to be
        // a failure. A body that can be read once only is kept for that case.
        byte[] body = envelope == null || raw.isRepeatable()
                ? null
                : raw.asInputStream().readAllBytes();
        JsonNode tree;
        try {
            tree = body == null ? mapper.readTree(raw.asInputStream()) : mapper.readTree(body);
        } catch (IOException e) {
            throw errors.protocolError("malformed JSON body with HTTP " + status, e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw errors.protocolError("empty JSON body with HTTP " + status, null);
        }
        JsonNode payload = envelope == null
                ? tree
                : envelope.read(
                        methodKey(response),
                        status,
                        tree,
                        () -> HttpErrorResponse.of(status, response.headers(), body == null ? readAgain(raw) : body));
        if (type == JsonNode.class) {
            return payload;
        }
        try {
            return mapper.convertValue(payload, mapper.constructType(type));
        } catch (IllegalArgumentException e) {
            throw errors.protocolError("a body that does not fit the expected shape with HTTP " + status, e);
        }
    }

    private byte[] readAgain(Response.Body raw) {
        try (InputStream in = raw.asInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw errors.protocolError("a body that could not be read again", e);
        }
    }

    /** {@return Feign's key of the method a response answers, empty for a response built without one} */
    private static String methodKey(Response response) {
        Request request = response.request();
        RequestTemplate template = request == null ? null : request.requestTemplate();
        MethodMetadata method = template == null ? null : template.methodMetadata();
        return method == null ? "" : method.configKey();
    }
}

package dev.chatdirectory.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * A vendor's rule for reading a successful (2xx) JSON reply whose envelope may still carry a
 * failure, as AtomChat's {@code failed} object does with HTTP 200.
 *
 * <p>The shared decoder has already read the body and parsed it (an empty or malformed body never
 * gets here); the reader returns the payload the Feign method decodes to, or throws the mapped
 * exception. It is told which Feign method the reply answers, as Feign's {@code ErrorDecoder} is,
 * because a vendor's failure text can mean different things for different operations.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface EnvelopeReader {

    /**
     * Returns the payload of a reply, or throws what its envelope says went wrong.
     *
     * @param methodKey Feign's key of the method the reply answers (e.g. {@code Api#getUser(Map)},
     *     see {@link feign.Feign#configKey}), empty when the response names no method
     * @param status the HTTP status of the reply
     * @param body the parsed body
     * @param response builds the same reply as an {@link ErrorMapper} takes it (status, headers,
     *     text) when called, at the cost of a copy of the headers and the body: call it only for a
     *     failure, not for every success
     * @return the payload, decoded further to the Feign method's return type
     * @throws dev.chatdirectory.ChatDirectoryException for a failure envelope, or a {@link
     *     dev.chatdirectory.ProviderProtocolException} for an envelope that cannot be understood
     */
    JsonNode read(String methodKey, int status, JsonNode body, Supplier<HttpErrorResponse> response);
}

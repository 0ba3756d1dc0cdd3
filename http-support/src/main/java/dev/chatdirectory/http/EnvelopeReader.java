package dev.chatdirectory.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A vendor's rule for reading a successful (2xx) JSON reply whose envelope may still carry a
 * failure, as AtomChat's {@code failed} object does with HTTP 200.
 *
 * <p>The shared decoder has already read the body and parsed it (an empty or malformed body never
 * gets here); the reader returns the payload the Feign method decodes to, or throws the mapped
 * exception. Implementations are thread-safe.
 */
@FunctionalInterface
public interface EnvelopeReader {

    /**
     * Returns the payload of a reply, or throws what its envelope says went wrong.
     *
     * @param body the parsed body
     * @param response the same reply as an {@link ErrorMapper} takes it (status, headers, text)
     * @return the payload, decoded further to the Feign method's return type
     * @throws dev.chatdirectory.ChatDirectoryException for a failure envelope, or a {@link
     *     dev.chatdirectory.ProviderProtocolException} for an envelope that cannot be understood
     */
    JsonNode read(JsonNode body, HttpErrorResponse response);
}

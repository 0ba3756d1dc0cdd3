package dev.chatdirectory.provider.qiscus.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpErrorResponse;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.http.VendorError;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps Qiscus's error envelope, {@code {"error": {"message": ..., "detailed_messages": [...]},
 * "status": N}}, to the API's exceptions.
 *
 * <p>Qiscus sends no error codes, only messages, so the exception context has no vendor code and
 * the message decides what the status does not:
 *
 * <ul>
 *   <li>401 and 403: {@link AuthenticationException}, never retried; no source shows Qiscus
 *       answering either for anything but a wrong app id or secret key [INF];
 *   <li>400, 404 or 422 whose message says a user or room was not found: {@link NotFoundException}
 *       (Qiscus answers "room not found" with a 400; the status for a missing user is [UNK]);
 *   <li>any other 404: the endpoint itself is missing, so the base URL is wrong: {@link
 *       ProviderProtocolException} rather than "not found", which would make every lookup look
 *       empty;
 *   <li>everything else by status, as {@link ErrorMapper} does (other 400s are invalid requests).
 * </ul>
 */
public final class QiscusErrorMapper extends ErrorMapper {

    private static final Pattern MISSING_ENTITY =
            Pattern.compile("\\b(user|room|participant)s?\\b.*\\bnot found\\b", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json;

    /**
     * Creates the mapper.
     *
     * @param descriptor names the provider
     * @param redactor removes secrets from vendor messages
     * @param clock reads "now" for {@code Retry-After} dates
     * @param json parses error bodies
     */
    @Inject
    public QiscusErrorMapper(ProviderDescriptor descriptor, SecretRedactor redactor, Clock clock, ObjectMapper json) {
        super(descriptor.id(), redactor, clock);
        this.json = json;
    }

    /**
     * Reads {@code error.message}, falling back to the first of {@code error.detailed_messages}
     * (the order Qiscus's Android SDK reads them in), or {@code error} itself when it is a string.
     */
    @Override
    protected VendorError parse(HttpErrorResponse response) {
        JsonNode error;
        try {
            error = json.readTree(response.body()).path("error");
        } catch (IOException e) {
            return VendorError.none();
        }
        if (error.isTextual()) {
            return VendorError.of(null, error.asText(), null);
        }
        String message = text(error.path("message"))
                .or(() -> text(error.path("detailed_messages").path(0)))
                .orElse(null);
        return VendorError.of(null, message, null);
    }

    @Override
    protected ChatDirectoryException classify(HttpErrorResponse response, VendorError error, ErrorContext context) {
        int status = response.status();
        if (status == 401 || status == 403) {
            // The vendor's text is not repeated: some vendors echo the credentials back.
            return new AuthenticationException(providerId() + " rejected the app id or secret key", context);
        }
        boolean missingEntity =
                error.message().filter(m -> MISSING_ENTITY.matcher(m).find()).isPresent();
        if (missingEntity && (status == 400 || status == 404 || status == 422)) {
            return new NotFoundException(describe(error, "not found"), context);
        }
        if (status == 404) {
            return new ProviderProtocolException(
                    describe(error, "not found")
                            + ": the endpoint does not exist at this base URL; check the endpoint setting",
                    context);
        }
        return super.classify(response, error, context);
    }

    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }
}

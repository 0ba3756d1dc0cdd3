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
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps Qiscus's error envelope, {@code {"error": {"message": ..., "detailed_messages": [...]},
 * "status": N}}, to the API's exceptions.
 *
 * <p>Qiscus's answers put a general {@code message} over any number of {@code detailed_messages}
 * (one per unknown user, say), either of which may be missing; the exception reports all of them.
 * No captured Qiscus body carries an error code, so one is kept only if {@code error.code} is there
 * [UNK]; the message decides what the status does not:
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
final class QiscusErrorMapper extends ErrorMapper {

    private static final Pattern MISSING_ENTITY =
            Pattern.compile("\\b(user|room|participant)s?\\b.*\\bnot found\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The longest joined message before details are counted instead of listed; below {@link
     * ErrorMapper}'s own cut (300 characters) with room for the count.
     */
    private static final int MAX_MESSAGE = 270;

    private static final String DETAIL_SEPARATOR = "; ";

    private final ObjectMapper json;

    /**
     * Creates the mapper.
     *
     * @param descriptor names the provider
     * @param redactor removes secrets from vendor messages
     * @param clock reads "now" for {@code Retry-After} dates
     * @param json parses error bodies
     */
    public QiscusErrorMapper(ProviderDescriptor descriptor, SecretRedactor redactor, Clock clock, ObjectMapper json) {
        super(descriptor.id(), redactor, clock);
        this.json = json;
    }

    /**
     * Reads {@code error.message} followed by the {@code detailed_messages} that do not repeat it,
     * {@code error.code} as the vendor code, or {@code error} itself when it is a string.
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
        Optional<String> message = text(error.path("message"));
        Set<String> details = new LinkedHashSet<>();
        JsonNode detailed = error.path("detailed_messages");
        if (detailed.isArray()) {
            detailed.forEach(detail -> text(detail).ifPresent(details::add));
        } else {
            text(detailed).ifPresent(details::add);
        }
        message.ifPresent(details::remove);
        return VendorError.of(
                text(error.path("code")).orElse(null), join(message.orElse(null), List.copyOf(details)), null);
    }

    /**
     * Joins the message and its details as {@code "message: detail; detail"}. Details that would
     * take the text past {@link #MAX_MESSAGE} are counted rather than listed, so the base class
     * never cuts the text in the middle of a detail and every detail is accounted for.
     */
    private static String join(String message, List<String> details) {
        if (details.isEmpty()) {
            return message;
        }
        StringBuilder text = new StringBuilder(message == null ? "" : message + ": ");
        int listed = 0;
        for (String detail : details) {
            String separator = listed == 0 ? "" : DETAIL_SEPARATOR;
            if (listed > 0 && text.length() + separator.length() + detail.length() > MAX_MESSAGE) {
                break;
            }
            text.append(separator).append(detail);
            listed++;
        }
        if (listed < details.size()) {
            text.append(" (and ").append(details.size() - listed).append(" more)");
        }
        return text.toString();
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

package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpErrorResponse;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.http.VendorError;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;

/**
 * Maps AtomChat's {@code failed} envelope ({@code {"failed":{"status":"2001","message":"..."}}})
 * to the API's exceptions.
 *
 * <p>A failure that arrives with HTTP 200, as they all do, is mapped for the operation it answers
 * ({@link #refusal}), by the message rules of {@link AtomChatFailures}. Status 1010 or 1011
 * (missing or wrong key) is an authentication failure whose vendor text is never repeated.
 * Failures that arrive with another HTTP status (none are documented) are mapped by status, except
 * 404: AtomChat answers every business failure with 200, so a 404 means the URL does not reach its
 * v2 API. Thread-safe.
 */
final class AtomChatErrorMapper extends ErrorMapper {

    /** The field named by membership refusals, which batch operations recognise. */
    static final String MEMBERSHIP_FIELD = "UIDs";

    private static final Set<String> AUTH_CODES = Set.of("1010", "1011");

    private final ObjectMapper mapper;

    AtomChatErrorMapper(ProviderDescriptor descriptor, SecretRedactor redactor, Clock clock, ObjectMapper mapper) {
        super(descriptor.id(), redactor, clock);
        this.mapper = mapper;
    }

    @Override
    protected VendorError parse(HttpErrorResponse response) {
        JsonNode failed;
        try {
            JsonNode root = mapper.readTree(response.body());
            failed = root == null ? null : root.get("failed");
        } catch (IOException e) {
            return VendorError.none();
        }
        if (failed == null || !failed.isObject()) {
            return VendorError.none();
        }
        return VendorError.of(scalar(failed.get("status")), scalar(failed.get("message")), null);
    }

    /**
     * Maps a {@code failed} envelope that answers an operation.
     *
     * @param operation the operation, as {@link AtomChatFailures#operation} names it; empty when
     *     unknown, so that only the rules common to every operation apply
     * @param response the reply holding the envelope
     * @return the exception to throw
     */
    ChatDirectoryException refusal(String operation, HttpErrorResponse response) {
        VendorError error = parse(response);
        ErrorContext context =
                ErrorContext.of(providerId(), response.status(), error.code().orElse(null));
        return isAuthFailure(error) ? authFailure(context) : businessFailure(operation, error, context);
    }

    @Override
    protected ChatDirectoryException classify(HttpErrorResponse response, VendorError error, ErrorContext context) {
        if (isAuthFailure(error)) {
            return authFailure(context);
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            return businessFailure("", error, context);
        }
        if (status == 404) {
            return new ProviderProtocolException(
                    providerId() + " answered HTTP 404: the endpoint does not reach AtomChat's v2 API", context);
        }
        return super.classify(response, error, context);
    }

    private static boolean isAuthFailure(VendorError error) {
        return error.code().filter(AUTH_CODES::contains).isPresent();
    }

    private AuthenticationException authFailure(ErrorContext context) {
        return new AuthenticationException(
                providerId() + " rejected the API key (missing, malformed or wrong)", context);
    }

    private ChatDirectoryException businessFailure(String operation, VendorError error, ErrorContext context) {
        AtomChatFailures.Rule rule =
                AtomChatFailures.rule(operation, error.message().orElse(""));
        return switch (rule.meaning()) {
            case ALREADY_EXISTS -> new AlreadyExistsException(describe(error, "already exists"), context);
            case NOT_FOUND -> new NotFoundException(describe(error, "not found"), context);
            case NOT_ALL_QUALIFY ->
                new InvalidRequestException(MEMBERSHIP_FIELD, describe(error, "not all users qualify"), context);
            case INVALID ->
                new InvalidRequestException(
                        rule.field().orElse(null), describe(error, "the request was refused"), context);
        };
    }

    /** {@return whether the exception is AtomChat refusing a membership batch for one of its users} */
    static boolean isMembershipRefusal(InvalidRequestException e) {
        return e.field().filter(MEMBERSHIP_FIELD::equals).isPresent();
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}

package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
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
import java.util.Locale;
import java.util.Set;

/**
 * Maps AtomChat's {@code failed} envelope ({@code {"failed":{"status":"2001","message":"..."}}})
 * to the API's exceptions.
 *
 * <p>AtomChat uses one status, 2001, for every business failure, so the {@code message} text is
 * the only way to tell them apart; it is compared ignoring case and a trailing dot, since the
 * vendor writes {@code Invalid UID} and {@code Invalid UID.} in different places. Status 1010 or
 * 1011 (missing or wrong key) is an authentication failure whose vendor text is never repeated.
 * Failures that arrive with another HTTP status (none are documented) are mapped by status, except
 * 404: AtomChat answers every business failure with 200, so a 404 means the URL does not reach its
 * v2 API. Thread-safe.
 */
final class AtomChatErrorMapper extends ErrorMapper {

    /** The field named by membership refusals, which batch operations recognise. */
    static final String MEMBERSHIP_FIELD = "UIDs";

    private static final Set<String> AUTH_CODES = Set.of("1010", "1011");
    private static final Set<String> ALREADY_EXISTS =
            Set.of("user already exists", "guid must be unique", "users already part of group");
    private static final Set<String> NOT_FOUND =
            Set.of("invalid uid", "user not registered", "guid does not exist", "invalid sender or receiver uid");
    // Refusals of a whole membership batch because a listed user is not a member (or not banned).
    private static final Set<String> NOT_MEMBERS = Set.of("users not part of group", "users not banned from group");

    private final ObjectMapper mapper;

    @Inject
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

    @Override
    protected ChatDirectoryException classify(HttpErrorResponse response, VendorError error, ErrorContext context) {
        if (error.code().filter(AUTH_CODES::contains).isPresent()) {
            return new AuthenticationException(
                    providerId() + " rejected the API key (missing, malformed or wrong)", context);
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            return businessFailure(error, context);
        }
        if (status == 404) {
            return new ProviderProtocolException(
                    providerId() + " answered HTTP 404: the endpoint does not reach AtomChat's v2 API", context);
        }
        return super.classify(response, error, context);
    }

    private ChatDirectoryException businessFailure(VendorError error, ErrorContext context) {
        String text = error.message().map(AtomChatErrorMapper::normalize).orElse("");
        if (ALREADY_EXISTS.contains(text)) {
            return new AlreadyExistsException(describe(error, "already exists"), context);
        }
        if (NOT_FOUND.contains(text)) {
            return new NotFoundException(describe(error, "not found"), context);
        }
        if (NOT_MEMBERS.contains(text)) {
            return new InvalidRequestException(MEMBERSHIP_FIELD, describe(error, "not all users qualify"), context);
        }
        return new InvalidRequestException(null, describe(error, "the request was refused"), context);
    }

    /** {@return whether the exception is AtomChat refusing a membership batch for one of its users} */
    static boolean isMembershipRefusal(InvalidRequestException e) {
        return e.field().filter(MEMBERSHIP_FIELD::equals).isPresent();
    }

    private static String normalize(String message) {
        String text = message.strip().toLowerCase(Locale.ROOT);
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}

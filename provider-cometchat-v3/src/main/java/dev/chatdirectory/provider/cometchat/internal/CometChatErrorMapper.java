package dev.chatdirectory.provider.cometchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.AuthenticationException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.PermissionDeniedException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpErrorResponse;
import dev.chatdirectory.http.SecretRedactor;
import dev.chatdirectory.http.VendorError;
import dev.chatdirectory.model.FailureReason;
import dev.chatdirectory.model.ItemOutcome;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Maps CometChat's error envelope {@code {"error": {"message", "devMessage", "source", "code",
 * "details"}}} to the API's exceptions, by error code first: CometChat's statuses are coarse
 * (a duplicate UID is a 400, an unchanged scope a 403), its codes are not.
 *
 * <p>A validation failure ({@code ERR_BAD_REQUEST}) names every field CometChat blames, each with
 * its messages. Authentication failures never repeat CometChat's text, which echoes part of the
 * key. A 404 without a CometChat error code did not come from CometChat's API (a proxy or a wrong
 * endpoint) and is reported as a protocol error rather than as "not found", so that a
 * misconfigured endpoint cannot pass for an empty directory. Stateless and thread-safe.
 */
final class CometChatErrorMapper extends ErrorMapper {

    /** Codes of an entity (user, group, membership, ban) that does not exist. */
    private static final Set<String> NOT_FOUND = Set.of(
            CometChatCodes.UID_NOT_FOUND,
            CometChatCodes.GUID_NOT_FOUND,
            CometChatCodes.NOT_A_MEMBER,
            CometChatCodes.NOT_A_BANNED_USER);

    /** Codes of an entity or state that already exists. */
    private static final Set<String> ALREADY_EXISTS = Set.of(
            CometChatCodes.UID_ALREADY_EXISTS,
            CometChatCodes.GUID_ALREADY_EXISTS,
            CometChatCodes.ALREADY_JOINED,
            CometChatCodes.ALREADY_BANNED);

    /** Codes of a plan or capacity limit. */
    private static final Set<String> LIMITS =
            Set.of("ERR_NO_VACANCY", "ERR_PLAN_QUOTA_RESTRICTION", "ERR_PLAN_RESTRICTION", "ERR_SUBSCRIPTION_EXPIRED");

    /** Codes of a failure on CometChat's side, whatever status they come with. */
    private static final Set<String> SERVER_FAILURES = Set.of(
            "ERR_MISSION_FAILED",
            "ERR_OPERATION_FAILED",
            "ERR_EXCEPTION",
            "ERR_BAD_ERROR_RESPONSE",
            "ERR_UID_DELETE_FAILED",
            "ERR_MEMBER_SCOPE_CHANGE_FAILED",
            "ERR_MEMBER_DELETE_FAILED",
            "ERR_MEMBER_BAN_FAILED",
            "ERR_MEMBER_UNBAN_FAILED");

    /** Fields of a validation failure named one by one; no body the adapter sends has as many. */
    private static final int MAX_DETAIL_FIELDS = 20;

    private final ObjectMapper mapper;

    /**
     * Creates the mapper.
     *
     * @param providerId the provider id for every exception's context
     * @param redactor masks the API key, including CometChat's masked echo of it
     * @param clock reads "now" for rate-limit reset headers
     * @param mapper parses error bodies
     */
    CometChatErrorMapper(String providerId, SecretRedactor redactor, Clock clock, ObjectMapper mapper) {
        super(providerId, redactor, clock);
        this.mapper = mapper;
    }

    @Override
    protected VendorError parse(HttpErrorResponse response) {
        return vendorError(errorObject(response));
    }

    /** Returns the {@code error} object of an answer, a missing node when it has none. */
    private JsonNode errorObject(HttpErrorResponse response) {
        try {
            JsonNode body = mapper.readTree(response.body());
            return body == null ? MissingNode.getInstance() : body.path("error");
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * Reads a CometChat error object, as found in an error envelope or a per-member result.
     *
     * <p>Validation {@code details} name every field CometChat blames and its messages. With one
     * field, it is the blamed field and its messages are the message; with several there is no one
     * field to blame, so the message names each field with its messages, in CometChat's order.
     *
     * @param error the {@code error} object, may be missing
     * @return code, message (the validation details when there are some) and blamed field
     */
    static VendorError vendorError(JsonNode error) {
        if (error == null || !error.isObject()) {
            return VendorError.none();
        }
        String code = textOrNull(error.get("code"));
        String message = textOrNull(error.get("message"));
        String field = null;
        Map<String, String> details = details(error.get("details"));
        if (details.size() == 1) {
            Map.Entry<String, String> only = details.entrySet().iterator().next();
            field = only.getKey();
            message = only.getValue();
        } else if (details.size() > 1) {
            message = fieldsMessage(details, UnaryOperator.identity());
        }
        return VendorError.of(code, message, field);
    }

    /** Names each blamed field with its messages; past {@value #MAX_DETAIL_FIELDS}, counts the rest. */
    private static String fieldsMessage(Map<String, String> details, UnaryOperator<String> part) {
        List<String> parts = new ArrayList<>();
        details.entrySet().stream()
                .limit(MAX_DETAIL_FIELDS)
                .forEach(detail -> parts.add(part.apply(detail.getKey() + ": " + detail.getValue())));
        if (details.size() > MAX_DETAIL_FIELDS) {
            parts.add("and " + (details.size() - MAX_DETAIL_FIELDS) + " more fields");
        }
        return String.join("; ", parts);
    }

    /**
     * Reads validation details: field name to its messages, joined. The reference and the live
     * answers it cites map each field to an array of messages; a single string per field is read as
     * one message, and anything else (absent, {@code null}, PHP's {@code []} for an empty map,
     * fields without text) adds nothing.
     */
    private static Map<String, String> details(JsonNode details) {
        Map<String, String> read = new LinkedHashMap<>();
        if (details == null || !details.isObject()) {
            return read;
        }
        details.properties().forEach(entry -> {
            List<String> messages = new ArrayList<>();
            JsonNode value = entry.getValue();
            if (value.isContainerNode()) {
                value.forEach(m -> Optional.ofNullable(textOrNull(m)).ifPresent(messages::add));
            } else {
                Optional.ofNullable(textOrNull(value)).ifPresent(messages::add);
            }
            if (!messages.isEmpty()) {
                read.put(entry.getKey(), String.join(" ", messages));
            }
        });
        return read;
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
    }

    @Override
    protected ChatDirectoryException classify(HttpErrorResponse response, VendorError error, ErrorContext context) {
        Optional<String> vendorCode = error.code();
        if (vendorCode.isEmpty()) {
            if (response.status() == 404) {
                return new ProviderProtocolException(
                        "HTTP 404 without a CometChat error code: check the endpoint setting", context);
            }
            return super.classify(response, error, context);
        }
        String code = vendorCode.get();
        if (code.startsWith("AUTH_ERR_")) {
            return new AuthenticationException(authenticationMessage(code), context);
        }
        if (NOT_FOUND.contains(code)) {
            return new NotFoundException(describe(error, "not found"), context);
        }
        if (ALREADY_EXISTS.contains(code)) {
            return new AlreadyExistsException(describe(error, "already exists"), context);
        }
        if (SERVER_FAILURES.contains(code)) {
            return new ProviderUnavailableException(
                    describe(error, "CometChat failed to carry out the operation"),
                    context,
                    null,
                    retryAfter(response).orElse(null));
        }
        if (LIMITS.contains(code)) {
            return new PermissionDeniedException(describe(error, "a plan limit of the app was reached"), context);
        }
        return switch (code) {
            case CometChatCodes.TOO_MANY_REQUESTS ->
                new RateLimitedException(
                        describe(error, "rate limit exceeded"),
                        context,
                        retryAfter(response).orElse(null));
            case CometChatCodes.ROLE_NOT_FOUND ->
                new InvalidRequestException(
                        "role", describe(error, "must be a role defined in the CometChat app"), context);
            case "ERR_EMPTY_GROUP_PASS" ->
                new InvalidRequestException("password", describe(error, "is required for password groups"), context);
            case "ERR_BAD_REQUEST" ->
                new InvalidRequestException(error.field().orElse(null), validationRule(response, error), context);
            case "ERR_API_NOT_FOUND" ->
                new ConfigurationException(
                        providerId() + " has no such API endpoint: check the endpoint and region settings", context);
            default -> super.classify(response, error, context);
        };
    }

    /**
     * Returns what a validation failure broke. With several fields blamed, each field's part is
     * redacted and shortened on its own, so that one long message cannot cut off the others.
     */
    private String validationRule(HttpErrorResponse response, VendorError error) {
        Map<String, String> details = details(errorObject(response).get("details"));
        if (details.size() < 2) {
            return describe(error, "the request was rejected as invalid");
        }
        return fieldsMessage(details, part -> describe(VendorError.of(null, part, null), part));
    }

    private String authenticationMessage(String code) {
        return switch (code) {
            case "AUTH_ERR_EMPTY_APIKEY" -> providerId() + " received no API key: set the apiKey property";
            case "AUTH_ERR_APIKEY_NOT_FOUND" -> providerId() + " does not know the API key: check the apiKey property";
            case "AUTH_ERR_NO_ACCESS" ->
                providerId() + " refused the API key for this operation: use a REST API key with fullAccess scope";
            case "AUTH_ERR_EMPTY_APPID", "AUTH_ERR_INVALID_APPID" ->
                providerId() + " does not know the app: check the appId and region properties";
            default -> providerId() + " rejected the credentials";
        };
    }

    /**
     * Returns the outcome of a batch item whose call failed, by the failure's CometChat code.
     *
     * @param id the item
     * @param failure the mapped failure of its call
     * @return the failed outcome
     */
    ItemOutcome failedItem(String id, ChatDirectoryException failure) {
        FailureReason reason = failure instanceof ProviderUnavailableException
                        || failure instanceof ProviderProtocolException
                        || failure instanceof RateLimitedException
                ? FailureReason.ERROR
                : reason(failure.vendorCode().orElse(""));
        return ItemOutcome.failed(id, reason, failure.getMessage());
    }

    /**
     * Returns the outcome of a batch item CometChat reported as failed inside a 200 answer.
     *
     * @param id the item
     * @param error the item's error object
     * @return the failed outcome
     */
    ItemOutcome failedItem(String id, JsonNode error) {
        VendorError vendorError = vendorError(error);
        String code = vendorError.code().orElse("");
        String message =
                describe(vendorError, "CometChat refused this user") + (code.isEmpty() ? "" : " [" + code + "]");
        return ItemOutcome.failed(id, reason(code), message);
    }

    private static FailureReason reason(String code) {
        if (code.equals(CometChatCodes.UID_NOT_FOUND)) {
            return FailureReason.NOT_FOUND;
        }
        if (code.equals(CometChatCodes.NOT_A_MEMBER)) {
            return FailureReason.NOT_A_MEMBER;
        }
        if (code.equals(CometChatCodes.BANNED_GROUPMEMBER)) {
            return FailureReason.BANNED;
        }
        if (LIMITS.contains(code)) {
            return FailureReason.LIMIT_EXCEEDED;
        }
        return SERVER_FAILURES.contains(code) ? FailureReason.ERROR : FailureReason.REJECTED;
    }
}

package dev.chatdirectory.provider.atomchat.internal;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What AtomChat's {@code failed} messages mean, operation by operation.
 *
 * <p>AtomChat answers every business failure with status 2001, so only the {@code message} tells
 * them apart, and the same text means different things on different endpoints: {@code Invalid
 * UID.} is an empty UID on createUser but an unknown user on getUser, updateUser and deleteUser. A
 * message is therefore looked up first among the rules of the operation (the endpoint's name, which
 * is also the {@link AtomChatApi} method's), then among the {@link #COMMON} rules that hold on every
 * endpoint; a message found in neither is a refused request that names no field. A few failures
 * are not errors at all but the operation's answer, which its caller reads ({@link #isAnswer}).
 *
 * <p>Messages are compared ignoring case, surrounding blanks and trailing dots, since the vendor
 * writes {@code Invalid UID} and {@code Invalid UID.} in different places. Immutable; thread-safe.
 */
final class AtomChatFailures {

    /** The vendor status of every business failure; authentication failures have their own. */
    static final String BUSINESS_FAILURE = "2001";

    /** How the API reports a failure. */
    enum Meaning {
        /** {@link dev.chatdirectory.AlreadyExistsException}. */
        ALREADY_EXISTS,
        /** {@link dev.chatdirectory.NotFoundException}. */
        NOT_FOUND,
        /** {@link dev.chatdirectory.InvalidRequestException} naming the rule's field, if it has one. */
        INVALID,
        /**
         * {@link dev.chatdirectory.InvalidRequestException} naming {@link
         * AtomChatErrorMapper#MEMBERSHIP_FIELD}: a membership batch refused as a whole because one of
         * its users does not qualify.
         */
        NOT_ALL_QUALIFY
    }

    /**
     * The meaning of one message.
     *
     * @param meaning how the API reports it
     * @param field the API field an {@link Meaning#INVALID} failure names
     */
    record Rule(Meaning meaning, Optional<String> field) {

        static final Rule ALREADY_EXISTS = new Rule(Meaning.ALREADY_EXISTS, Optional.empty());
        static final Rule NOT_FOUND = new Rule(Meaning.NOT_FOUND, Optional.empty());
        static final Rule NOT_ALL_QUALIFY = new Rule(Meaning.NOT_ALL_QUALIFY, Optional.empty());
        /** The default: a refusal the vendor's text explains, blaming no field. */
        static final Rule REFUSED = new Rule(Meaning.INVALID, Optional.empty());

        Rule {
            Objects.requireNonNull(meaning, "meaning");
            Objects.requireNonNull(field, "field");
        }

        static Rule invalid(String field) {
            return new Rule(Meaning.INVALID, Optional.of(field));
        }
    }

    /** Messages that mean the same on every endpoint that sends them. */
    private static final Map<String, Rule> COMMON = Map.of(
            "user already exists", Rule.ALREADY_EXISTS,
            "guid must be unique", Rule.ALREADY_EXISTS,
            "user not registered", Rule.NOT_FOUND,
            "guid does not exist", Rule.NOT_FOUND,
            "users not part of group", Rule.NOT_ALL_QUALIFY,
            "users not banned from group", Rule.NOT_ALL_QUALIFY);

    /**
     * Messages whose meaning depends on the operation, overriding {@link #COMMON}. Field names are
     * the API's, as its own validation reports them.
     */
    private static final Map<String, Map<String, Rule>> BY_OPERATION = Map.of(
            // createUser checks only that a UID was sent; a taken one is "User already exists".
            "createUser", Map.of("invalid uid", Rule.invalid("userId")),
            // These look the user up: "Invalid UID" (no dot) is an unknown one, "Invalid UID." an empty one,
            // which the adapter's validation never lets through.
            "getUser", Map.of("invalid uid", Rule.NOT_FOUND),
            "updateUser", Map.of("invalid uid", Rule.NOT_FOUND),
            "deleteUser", Map.of("invalid uid", Rule.NOT_FOUND),
            "createGroup",
                    Map.of(
                            "guid is not defined", Rule.invalid("groupId"),
                            "group name is not defined", Rule.invalid("name"),
                            "password required for password protected group", Rule.invalid("password")));

    /**
     * Failures that are the operation's answer: addUsersToGroup adds nobody and lists in {@code
     * data}, per UID sent, who was already in the group and who is unknown.
     */
    private static final Map<String, Set<String>> ANSWERS =
            Map.of("addUsersToGroup", Set.of("users already part of group"));

    private AtomChatFailures() {}

    /**
     * Returns the operation a Feign method key names: {@code AtomChatApi#createUser(Map)} is {@code
     * createUser}.
     *
     * @param methodKey Feign's method key, possibly empty
     * @return the operation, empty when the key names none (only the common rules then apply)
     */
    static String operation(String methodKey) {
        int hash = methodKey.indexOf('#');
        int paren = methodKey.indexOf('(', hash + 1);
        return hash < 0 || paren < 0 ? "" : methodKey.substring(hash + 1, paren);
    }

    /**
     * Returns what a failure message means for an operation.
     *
     * @param operation the operation, or an empty string when unknown
     * @param message the vendor's message, possibly empty
     * @return the operation's rule, else the common one, else {@link Rule#REFUSED}
     */
    static Rule rule(String operation, String message) {
        String text = normalize(message);
        Rule own = BY_OPERATION.getOrDefault(operation, Map.of()).get(text);
        return own != null ? own : COMMON.getOrDefault(text, Rule.REFUSED);
    }

    /**
     * Tells whether a {@code failed} object is the operation's answer rather than an error.
     *
     * @param operation the operation, or an empty string when unknown
     * @param status the vendor status, possibly empty
     * @param message the vendor message, possibly empty
     * @return whether the caller reads the failure as an answer
     */
    static boolean isAnswer(String operation, String status, String message) {
        return BUSINESS_FAILURE.equals(status.strip())
                && ANSWERS.getOrDefault(operation, Set.of()).contains(normalize(message));
    }

    /** {@return every operation with rules or answers of its own, so tests can check each names an endpoint} */
    static Set<String> operations() {
        Set<String> operations = new TreeSet<>(BY_OPERATION.keySet());
        operations.addAll(ANSWERS.keySet());
        return Collections.unmodifiableSet(operations);
    }

    private static String normalize(String message) {
        String text = message.strip().toLowerCase(Locale.ROOT);
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}

package dev.chatdirectory.reliability.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import java.util.regex.Pattern;

/**
 * The faults of the matrix, each injected into the operation's principal request (the one that
 * reads or changes what the operation is about), once: either before the vendor sees the request or
 * after the vendor applied it, when the answer is spoiled on its way back.
 */
enum Fault {
    RESET_BEFORE("connection reset before the request was applied", Stage.BEFORE, Kind.AMBIGUOUS),
    RESET_AFTER("connection reset after the request was applied", Stage.AFTER, Kind.AMBIGUOUS),
    EMPTY_REPLY("empty reply after the request was applied", Stage.AFTER, Kind.AMBIGUOUS),
    MALFORMED_JSON("malformed JSON", Stage.AFTER, Kind.UNREADABLE),
    TRUNCATED_BODY("body truncated mid-transfer", Stage.AFTER, Kind.AMBIGUOUS),
    SERVER_ERROR("HTTP 500", Stage.BEFORE, Kind.AMBIGUOUS),
    UNAVAILABLE("HTTP 503", Stage.BEFORE, Kind.AMBIGUOUS),
    RATE_LIMITED_WITH_RETRY_AFTER("429 with Retry-After: 1", Stage.BEFORE, Kind.REFUSED),
    RATE_LIMITED("429 without Retry-After", Stage.BEFORE, Kind.REFUSED),
    ABSURD_RETRY_AFTER("429 with Retry-After of 10 years", Stage.BEFORE, Kind.REFUSED_FOR_TOO_LONG),
    SLOW_ANSWER("answer slower than the deadline", Stage.AFTER, Kind.TOO_LATE),
    ENDLESS_BODY("body that never ends", Stage.AFTER, Kind.TOO_LATE),
    REDIRECT_ELSEWHERE("redirect to another host", Stage.BEFORE, Kind.UNREADABLE),
    /** Only for guarded creates: the create's answer is lost, and the look-up that follows is slow. */
    SLOW_LOOKUP_AFTER_RESET(
            "reset after applying, then a look-up slower than the deadline", Stage.AFTER, Kind.TOO_LATE);

    /** Where the fault strikes. */
    enum Stage {
        /** The vendor never sees the request. */
        BEFORE,
        /** The vendor applied the request; its answer is lost or spoiled. */
        AFTER
    }

    /** What the fault means to a client. */
    enum Kind {
        /** The request may or may not have been applied: repeat only what is safe to repeat. */
        AMBIGUOUS,
        /** The vendor refused the request unprocessed: repeat anything after the wait. */
        REFUSED,
        /** The vendor asks for a wait longer than the configured cap: give up at once. */
        REFUSED_FOR_TOO_LONG,
        /** An answer that cannot be read: never repeat, report a protocol error. */
        UNREADABLE,
        /** No complete answer within the call deadline: give up at the deadline. */
        TOO_LATE
    }

    /** The Retry-After of {@link #RATE_LIMITED_WITH_RETRY_AFTER}, in seconds. */
    static final int RETRY_AFTER_SECONDS = 1;

    /** How late a slow answer comes, far beyond the short deadline. */
    static final int SLOW_MILLIS = 5_000;

    private static final String TEN_YEARS_IN_SECONDS = Long.toString(10L * 365 * 24 * 3600);

    private final String description;
    private final Stage stage;
    private final Kind kind;

    Fault(String description, Stage stage, Kind kind) {
        this.description = description;
        this.stage = stage;
        this.kind = kind;
    }

    Stage stage() {
        return stage;
    }

    Kind kind() {
        return kind;
    }

    /** {@return whether the fault needs the call deadline to be short (it costs a deadline per cell)} */
    boolean needsShortDeadline() {
        return kind == Kind.TOO_LATE;
    }

    /** Installs the fault on the proxy for the first request matching the method and path. */
    void install(FaultProxy proxy, String method, Pattern path) {
        switch (this) {
            case RESET_BEFORE ->
                proxy.failOnceBefore(
                        method,
                        path,
                        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER));
            case RESET_AFTER ->
                proxy.spoilOnceAfter(
                        method,
                        path,
                        r -> fault(r, com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER),
                        null);
            case EMPTY_REPLY ->
                proxy.spoilOnceAfter(
                        method, path, r -> fault(r, com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE), null);
            case MALFORMED_JSON ->
                proxy.spoilOnceAfter(
                        method,
                        path,
                        r -> Response.Builder.like(r)
                                .but()
                                .status(200)
                                .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json")))
                                .body("{\"data\": {\"id\": \"x\",, ]")
                                .build(),
                        null);
            case TRUNCATED_BODY ->
                proxy.spoilOnceAfter(
                        method,
                        path,
                        r -> fault(r, com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK),
                        null);
            case SERVER_ERROR -> proxy.failOnceBefore(method, path, plain(500));
            case UNAVAILABLE -> proxy.failOnceBefore(method, path, plain(503));
            case RATE_LIMITED_WITH_RETRY_AFTER ->
                proxy.failOnceBefore(
                        method, path, plain(429).withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
            case RATE_LIMITED -> proxy.failOnceBefore(method, path, plain(429));
            case ABSURD_RETRY_AFTER ->
                proxy.failOnceBefore(method, path, plain(429).withHeader("Retry-After", TEN_YEARS_IN_SECONDS));
            case SLOW_ANSWER -> proxy.spoilOnceAfter(method, path, Fault::late, null);
            case ENDLESS_BODY ->
                proxy.spoilOnceAfter(
                        method,
                        path,
                        // A trickle of the real answer, a few bytes at a time for a minute.
                        r -> Response.Builder.like(r)
                                .but()
                                .chunkedDribbleDelay(new ChunkedDribbleDelay(200, 60_000))
                                .build(),
                        null);
            case REDIRECT_ELSEWHERE ->
                proxy.failOnceBefore(
                        method,
                        path,
                        aResponse().withStatus(302).withHeader("Location", proxy.otherHostRoot() + "/elsewhere"));
            case SLOW_LOOKUP_AFTER_RESET ->
                proxy.spoilOnceAfter(
                        method,
                        path,
                        r -> fault(r, com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER),
                        Fault::late);
        }
    }

    private static Response late(Response answer) {
        return Response.Builder.like(answer)
                .but()
                .incrementInitialDelay(SLOW_MILLIS)
                .build();
    }

    private static Response fault(Response answer, com.github.tomakehurst.wiremock.http.Fault fault) {
        return Response.Builder.like(answer).but().fault(fault).build();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder plain(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody("injected by the fault matrix");
    }

    @Override
    public String toString() {
        return description;
    }
}

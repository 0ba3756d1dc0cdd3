package dev.chatdirectory.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Feign transport: the JDK {@link HttpClient}, with each exchange, body included, bounded in
 * time and size.
 *
 * <p>Feign's own {@code Http2Client} hands the decoder a stream that blocks on a trickling body
 * for as long as the vendor keeps sending, and the decoder then buffers whatever arrives. Here the
 * body is collected by a {@link BoundedBodySubscriber} and the whole answer is bounded by one
 * budget: the read timeout, cut to what is left of the call deadline. The request's own timeout
 * covers the wait for the status line and headers; from then on the subscriber's timer covers the
 * body. An answer that does not complete in time is abandoned and fails with {@link
 * HttpTimeoutException}; a successful answer larger than the configured cap fails as a {@link
 * dev.chatdirectory.ProviderProtocolException} naming the cap, never the body. Error bodies only
 * carry a vendor's error envelope, so they are cut short instead, and the status still decides
 * the error.
 *
 * <p>The request is sent with the blocking {@code HttpClient.send} on the caller's thread, not
 * {@code sendAsync}: the JDK hands every {@code sendAsync} completion to the common pool, which on
 * a machine with two CPUs or fewer starts a new thread per call; {@code send} completes on the
 * client's own threads and wakes the caller directly.
 *
 * <p>Bodies are not decompressed: no request asks for a content coding. Thread-safe.
 */
final class DeadlineAwareClient implements Client {

    /** The most of an error body kept: an error envelope is far smaller, the rest is an HTML page. */
    static final int MAX_ERROR_BODY = 64 * 1024;

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = restrictedHeaders();

    private final HttpClient http;
    private final ErrorMapper errors;
    private final long maxResponseSize;

    /**
     * Creates the transport.
     *
     * @param http the JDK client every request goes through
     * @param errors names the provider in errors
     * @param maxResponseSize the largest successful body accepted, in bytes
     */
    DeadlineAwareClient(HttpClient http, ErrorMapper errors, long maxResponseSize) {
        this.http = Objects.requireNonNull(http, "http");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.maxResponseSize = maxResponseSize;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Duration budget = budget(options);
        HttpRequest outgoing = outgoing(request, budget);
        Exchange body = new Exchange(System.nanoTime() + budget.toNanos());
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(outgoing, body);
        } catch (InterruptedException e) {
            body.abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + errors.providerId());
        } catch (IOException e) {
            BoundedBodySubscriber subscriber = body.subscriber;
            if (subscriber != null && subscriber.tooLarge()) {
                throw errors.protocolError(
                        "the body is larger than the maxResponseSize limit of " + maxResponseSize + " bytes", null);
            }
            Optional<byte[]> cut = subscriber == null ? Optional.empty() : subscriber.truncatedBody();
            if (cut.isPresent()) {
                // An error body cut at its cap is complete as far as the caller is concerned.
                HttpResponse.ResponseInfo head = subscriber.head();
                return response(request, head.statusCode(), head.version(), head.headers(), cut.get());
            }
            if (e instanceof HttpTimeoutException || (subscriber != null && subscriber.expired())) {
                body.abandon();
                throw new HttpTimeoutException("no complete answer within " + budget.toMillis() + " ms");
            }
            throw e;
        }
        return response(request, answer.statusCode(), answer.version(), answer.headers(), answer.body());
    }

    /**
     * The body handler of one exchange: creates its {@link BoundedBodySubscriber} when the head
     * arrives, with the cap its status calls for and the time left of the budget, and keeps it for
     * the caller. Abandoning the exchange before or after the head arrived cancels the body.
     */
    private final class Exchange implements HttpResponse.BodyHandler<byte[]> {

        private final long deadlineNanos;
        // Both volatile: whichever of apply and abandon comes second sees the other's write.
        private volatile BoundedBodySubscriber subscriber;
        private volatile boolean abandoned;

        Exchange(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo head) {
            boolean success = head.statusCode() / 100 == 2;
            BoundedBodySubscriber created = new BoundedBodySubscriber(
                    head, success ? maxResponseSize : Math.min(maxResponseSize, MAX_ERROR_BODY), !success);
            subscriber = created;
            if (abandoned) {
                created.cancel();
            } else {
                created.expireIn(deadlineNanos - System.nanoTime());
            }
            return created;
        }

        void abandon() {
            abandoned = true;
            BoundedBodySubscriber created = subscriber;
            if (created != null) {
                created.cancel();
            }
        }
    }

    private static Response response(
            Request request, int status, HttpClient.Version version, HttpHeaders headers, byte[] body) {
        return Response.builder()
                .status(status)
                .request(request)
                .protocolVersion(
                        version == HttpClient.Version.HTTP_2
                                ? Request.ProtocolVersion.HTTP_2
                                : Request.ProtocolVersion.HTTP_1_1)
                .headers(headers(headers))
                .body(body)
                .build();
    }

    /** The read timeout, cut to what is left of the call deadline of this thread, if any. */
    private static Duration budget(Request.Options options) throws HttpTimeoutException {
        Duration read = Duration.ofMillis(Math.max(1, options.readTimeoutMillis()));
        Optional<CallDeadline> deadline = CallDeadline.current();
        if (deadline.isEmpty()) {
            return read;
        }
        Duration left = deadline.get().remaining();
        if (left.isZero()) {
            throw new HttpTimeoutException("call deadline passed before the request was sent");
        }
        return left.compareTo(read) < 0 ? left : read;
    }

    private static HttpRequest outgoing(Request request, Duration budget) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(new URI(request.url()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("invalid request URL", e);
        }
        byte[] content = request.body();
        builder.method(
                        request.httpMethod().name(),
                        content == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(content))
                .timeout(budget);
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /** Matched ignoring case without lower-casing each header name of each request. */
    private static Set<String> restrictedHeaders() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
        return Collections.unmodifiableSet(names);
    }

    /** A view, not a copy: Feign copies the headers into its own case-insensitive map. */
    private static Map<String, Collection<String>> headers(HttpHeaders headers) {
        return Collections.unmodifiableMap(headers.map());
    }
}

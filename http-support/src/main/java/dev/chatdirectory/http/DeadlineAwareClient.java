package dev.chatdirectory.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Feign transport: the JDK {@link java.net.http.HttpClient} through Feign's {@code
 * Http2Client}, with each request's timeout cut to what is left of the call deadline.
 */
final class DeadlineAwareClient implements Client {

    private final Client delegate;

    DeadlineAwareClient(Client delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Optional<CallDeadline> deadline = CallDeadline.current();
        if (deadline.isEmpty()) {
            return delegate.execute(request, options);
        }
        Duration left = deadline.get().remaining();
        if (left.isZero()) {
            throw new HttpTimeoutException("call deadline passed before the request was sent");
        }
        long readMillis = Math.max(1, Math.min(options.readTimeoutMillis(), left.toMillis()));
        Request.Options shortened = new Request.Options(
                options.connectTimeoutMillis(),
                TimeUnit.MILLISECONDS,
                readMillis,
                TimeUnit.MILLISECONDS,
                options.isFollowRedirects());
        return delegate.execute(request, shortened);
    }
}

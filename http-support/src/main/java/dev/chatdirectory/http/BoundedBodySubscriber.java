package dev.chatdirectory.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Collects one response body, up to a limit, asking the transport for one chunk at a time so
 * that nothing beyond the limit is ever buffered, and keeps the head of the answer it belongs to.
 *
 * <p>Past the limit the subscription is cancelled and the body either fails with {@link
 * TooLargeException} or, when truncating, completes with the bytes up to the limit. A body whose
 * {@code Content-Length} already exceeds the limit fails before a byte is read. The bytes are
 * copied once, into a buffer sized by the {@code Content-Length} when the vendor sent one, which
 * is then the body itself. {@link #cancel()} abandons the body from any thread, also before it
 * started. Thread-safe as the transport uses it: signals arrive one at a time, and {@link
 * #cancel()} may race them.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body exceeded the limit; its content is deliberately not carried. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("response body larger than " + limit + " bytes");
        }
    }

    /** The first buffer of a body of unknown length. */
    private static final int INITIAL_BUFFER = 8 * 1024;

    private final HttpResponse.ResponseInfo head;
    private final long limit;
    private final boolean truncate;
    private final long declaredLength;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] bytes;
    private int size;
    private Flow.Subscription subscription;
    private boolean cancelled;
    private volatile boolean tooLarge;
    private volatile boolean expired;
    private volatile byte[] truncated;

    /**
     * Creates the subscriber of one body.
     *
     * @param head the status and headers of the answer, whose {@code Content-Length}, if any, sizes
     *     the buffer
     * @param limit the most bytes kept, at most {@link Integer#MAX_VALUE} - 8
     * @param truncate whether a longer body is cut at the limit rather than failed
     */
    BoundedBodySubscriber(HttpResponse.ResponseInfo head, long limit, boolean truncate) {
        this.head = head;
        this.limit = Math.min(limit, Integer.MAX_VALUE - 8);
        this.truncate = truncate;
        this.declaredLength = head.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    /** {@return the status line and headers of the answer this body belongs to} */
    HttpResponse.ResponseInfo head() {
        return head;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean refuse;
        synchronized (this) {
            subscription = s;
            refuse = cancelled;
        }
        if (refuse) {
            s.cancel();
        } else if (!truncate && declaredLength > limit) {
            // The result is settled before cancelling, which makes the transport fail the exchange.
            refuse();
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            if ((long) size + n > limit) {
                if (truncate) {
                    keep(buffer, (int) (limit - size));
                    truncated = joined();
                    result.complete(truncated);
                } else {
                    refuse();
                }
                subscription().cancel();
                return;
            }
            keep(buffer, n);
        }
        subscription().request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(joined());
    }

    /** Abandons the body: the transport stops reading it, and the result never completes normally. */
    void cancel() {
        stopReading();
        result.cancel(false);
    }

    /** Tells the transport to stop sending the body, also when it has not started yet. */
    private void stopReading() {
        Flow.Subscription s;
        synchronized (this) {
            cancelled = true;
            s = subscription;
        }
        if (s != null) {
            s.cancel();
        }
    }

    /**
     * Fails the body with {@link HttpTimeoutException} and stops reading it unless it completes
     * within the given time. The timer runs on the JDK's shared delay scheduler and is cancelled
     * when the body completes first; the caller learns of the expiry through {@link #expired()}
     * before the body's failure reaches it.
     *
     * @param nanos the time left, in nanoseconds; zero or less expires the body at once
     */
    void expireIn(long nanos) {
        if (nanos <= 0) {
            expire();
            return;
        }
        CompletableFuture<Void> timer = new CompletableFuture<>();
        timer.orTimeout(nanos, TimeUnit.NANOSECONDS).whenComplete((ignored, failure) -> {
            if (failure instanceof TimeoutException) {
                expire();
            }
        });
        result.whenComplete((body, failure) -> timer.complete(null));
    }

    /** {@return whether the body failed because its time ran out} */
    boolean expired() {
        return expired;
    }

    private void expire() {
        if (result.isDone()) {
            return;
        }
        expired = true;
        result.completeExceptionally(new HttpTimeoutException("the body did not complete in time"));
        stopReading();
    }

    /**
     * {@return whether the body was refused for exceeding the limit} The transport may fail the
     * exchange with its own error for the cancelled subscription before this subscriber's {@link
     * TooLargeException} reaches the caller, so the caller asks here.
     */
    boolean tooLarge() {
        return tooLarge;
    }

    /**
     * {@return the body cut at the limit, if this subscriber cut it} As with {@link #tooLarge()},
     * the transport may report its own error for the cancelled subscription instead of the body.
     */
    Optional<byte[]> truncatedBody() {
        return Optional.ofNullable(truncated);
    }

    private void refuse() {
        tooLarge = true;
        result.completeExceptionally(new TooLargeException(limit));
    }

    private synchronized Flow.Subscription subscription() {
        return subscription;
    }

    private void keep(ByteBuffer chunk, int n) {
        if (bytes == null) {
            bytes = new byte
                    [(int)
                            (declaredLength >= 0 && declaredLength <= limit
                                    ? declaredLength
                                    : Math.min(limit, INITIAL_BUFFER))];
        }
        if (size + n > bytes.length) {
            // A length the vendor did not declare, or declared wrong: grow, never past the limit.
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) size + n, 2L * bytes.length)));
        }
        chunk.get(bytes, size, n);
        size += n;
    }

    private byte[] joined() {
        byte[] all = bytes == null ? new byte[0] : size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        bytes = null;
        return all;
    }
}

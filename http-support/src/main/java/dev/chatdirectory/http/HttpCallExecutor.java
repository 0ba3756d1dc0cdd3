package dev.chatdirectory.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.RateLimitedException;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every vendor call of a directory: takes a rate-limiter token per request, enforces the
 * overall call deadline, maps failures to the API's exceptions and repeats a failed call only
 * when that is safe.
 *
 * <p>Which failures may be repeated depends on the {@link CallSafety} the adapter declares: reads
 * and idempotent or convergent writes after any transient failure; unsafe writes only when the
 * vendor cannot have applied them (429, connection refused); creates run through {@link
 * #guardedCreate} look the entity up before repeating, so a create whose answer was lost is never
 * sent twice. When and how often is the {@link RetryPolicy}'s decision; an attempt is one request
 * handed to the transport. Feign's own retryer is disabled. Within one attempt the JDK client
 * repeats only what cannot be applied twice: a request whose connection failed to open, and over
 * HTTP/1.1 a {@code GET} or {@code HEAD} whose connection closed before any byte of the answer;
 * it never repeats a write (the directory refuses to open in a JVM that makes it).
 *
 * <p>A repeated write can get a different answer than its first attempt would have: the delete
 * whose answer was lost is repeated and answered "no such user". The executor knows when an
 * earlier attempt may have been applied (a failure that is not {@link FailureKind#notProcessed()})
 * and tells the adapter through an {@link AttemptRecord}, so that outcomes report what the
 * operation did rather than what its last request was told.
 *
 * <p>Thread-safe.
 */
public final class HttpCallExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCallExecutor.class);

    private final ErrorMapper errors;
    private final RetryPolicy retryPolicy;
    private final TokenBucketRateLimiter rateLimiter;
    private final Duration callTimeout;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final KeyedLocks creates = new KeyedLocks();

    /**
     * Creates an executor.
     *
     * @param errors maps failures to exceptions and names the provider
     * @param retryPolicy decides waits and when to give up
     * @param rateLimiter the directory's client-side rate limiter
     * @param callTimeout the deadline of one call, retries and waits included
     * @param ticker time source of the deadline
     * @param sleeper how to wait between attempts
     */
    public HttpCallExecutor(
            ErrorMapper errors,
            RetryPolicy retryPolicy,
            TokenBucketRateLimiter rateLimiter,
            Duration callTimeout,
            Ticker ticker,
            Sleeper sleeper) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Runs a read.
     *
     * @param call the Feign call
     * @param <T> the result type
     * @return the result
     * @throws ChatDirectoryException mapped from the last failure
     */
    public <T> T read(Supplier<T> call) {
        return execute(CallSafety.READ, call, null, new AttemptRecord());
    }

    /**
     * Runs a call with the given safety.
     *
     * @param safety whether the call may be repeated after an ambiguous failure; not {@link
     *     CallSafety#CONVERGENT_WRITE}, whose answers need an {@link AttemptRecord} to be read
     * @param call the Feign call
     * @param <T> the result type
     * @return the result
     * @throws ChatDirectoryException mapped from the last failure
     * @throws IllegalArgumentException for a convergent write
     */
    public <T> T call(CallSafety safety, Supplier<T> call) {
        return execute(unrecorded(safety), call, null, new AttemptRecord());
    }

    /**
     * Runs a call with the given safety, noting in {@code record} whether an attempt before the
     * last one may have been applied though its answer was lost; read it after this returns or
     * throws to tell an "already so" answer caused by that attempt from one that was so before.
     *
     * @param safety whether the call may be repeated after an ambiguous failure
     * @param record a fresh record of this operation's attempts
     * @param call the Feign call
     * @param <T> the result type
     * @return the result
     * @throws ChatDirectoryException mapped from the last failure
     */
    public <T> T call(CallSafety safety, AttemptRecord record, Supplier<T> call) {
        return execute(safety, call, null, Objects.requireNonNull(record, "record"));
    }

    /**
     * Runs a call that returns nothing.
     *
     * @param safety whether the call may be repeated after an ambiguous failure; not {@link
     *     CallSafety#CONVERGENT_WRITE}
     * @param call the Feign call
     * @throws ChatDirectoryException mapped from the last failure
     * @throws IllegalArgumentException for a convergent write
     */
    public void run(CallSafety safety, Runnable call) {
        execute(
                unrecorded(safety),
                () -> {
                    call.run();
                    return Boolean.TRUE;
                },
                null,
                new AttemptRecord());
    }

    /**
     * Runs a create that is repeated only after checking that the first attempt did not create
     * the entity: when an attempt fails in a way that leaves its outcome unknown, {@code existing}
     * is called, and if it finds the entity, that is the result. Calls {@code existing} makes
     * through this executor share the create's deadline.
     *
     * @param create the Feign create call
     * @param existing looks the entity up; called only after an ambiguous failure
     * @param <T> the result type
     * @return the created (or found) entity
     * @throws ChatDirectoryException mapped from the last failure
     */
    public <T> T guardedCreate(Supplier<T> create, Supplier<Optional<T>> existing) {
        return execute(
                CallSafety.UNSAFE_WRITE, create, Objects.requireNonNull(existing, "existing"), new AttemptRecord());
    }

    /**
     * Runs a create for a vendor whose create call overwrites an existing entity (an upsert): checks
     * first whether the entity exists and refuses if it does, then runs the create (typically
     * through {@link #guardedCreate}). Creates of the same key through this executor run one at a
     * time, check included, so of several threads creating the same entity at once exactly one
     * creates it and the others are refused. Nothing serialises creates made through other
     * executors (other directory instances or processes): between their check and their create,
     * one can still overwrite the other.
     *
     * @param key the entity's kind and id, e.g. {@code "user:zoe"}
     * @param exists whether the entity exists
     * @param taken the exception to throw when it does
     * @param create creates the entity
     * @param <T> the result type
     * @return the created entity
     * @throws ChatDirectoryException {@code taken}'s exception when the entity exists; {@link
     *     ProviderUnavailableException} when another create of the key did not finish within the
     *     call deadline; or what the check or the create threw
     */
    public <T> T createIfAbsent(
            String key, BooleanSupplier exists, Supplier<? extends ChatDirectoryException> taken, Supplier<T> create) {
        Objects.requireNonNull(exists, "exists");
        Objects.requireNonNull(taken, "taken");
        Objects.requireNonNull(create, "create");
        // The wait for the lock, the check and the create are one operation under one deadline.
        CallDeadline deadline = operationDeadline();
        try (CallDeadline.Scope ignored = deadline.enter()) {
            return creates.withLock(key, deadline.remaining(), () -> {
                if (exists.getAsBoolean()) {
                    throw taken.get();
                }
                return create.get();
            });
        } catch (TimeoutException e) {
            throw new ProviderUnavailableException(
                    "another create of the same entity at " + errors.providerId() + " did not finish within "
                            + callTimeout.toMillis() + " ms",
                    ErrorContext.of(errors.providerId()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    private CallDeadline operationDeadline() {
        return CallDeadline.current().orElseGet(() -> CallDeadline.start(ticker, callTimeout));
    }

    private static CallSafety unrecorded(CallSafety safety) {
        if (safety == CallSafety.CONVERGENT_WRITE) {
            throw new IllegalArgumentException(
                    "a convergent write needs an AttemptRecord to tell its own change from one already made");
        }
        return safety;
    }

    private <T> T execute(CallSafety safety, Supplier<T> call, Supplier<Optional<T>> existing, AttemptRecord record) {
        // A call made while another runs on this thread (a guarded create's look-up) is part of the
        // same operation and shares its deadline, rather than extending it.
        CallDeadline deadline = operationDeadline();
        try (CallDeadline.Scope ignored = deadline.enter()) {
            int attempts = 0;
            while (true) {
                takeToken(deadline);
                attempts++;
                Failure failure;
                try {
                    return call.get();
                } catch (RuntimeException e) {
                    failure = classify(e, deadline);
                }
                if (failure.kind() != null && !failure.kind().notProcessed()) {
                    record.lostAnswer();
                }
                boolean guarded = existing != null;
                if (!failure.repeatable(safety, guarded)) {
                    throw failure.exception();
                }
                Optional<Duration> delay = retryPolicy.nextDelay(attempts, failure.kind(), failure.retryAfter());
                if (delay.isEmpty() || delay.get().compareTo(deadline.remaining()) > 0) {
                    throw failure.exception();
                }
                LOG.debug(
                        "{}: attempt {} failed ({}), retrying in {} ms",
                        errors.providerId(),
                        attempts,
                        failure.kind(),
                        delay.get().toMillis());
                pause(delay.get());
                if (guarded && !failure.kind().notProcessed()) {
                    Optional<T> found = lookUp(existing, failure);
                    if (found.isPresent()) {
                        LOG.debug("{}: create had been applied before its answer was lost", errors.providerId());
                        return found.get();
                    }
                }
            }
        }
    }

    private <T> Optional<T> lookUp(Supplier<Optional<T>> existing, Failure failure) {
        try {
            return existing.get();
        } catch (RuntimeException e) {
            // Without knowing whether the create was applied, repeating it is not safe.
            throw failure.exception();
        }
    }

    private void takeToken(CallDeadline deadline) {
        try {
            if (!rateLimiter.acquire(deadline.remaining())) {
                throw new RateLimitedException(
                        "the client-side rate limit of " + errors.providerId()
                                + " leaves no room within the call deadline of " + callTimeout.toMillis() + " ms",
                        ErrorContext.of(errors.providerId()),
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    private ProviderUnavailableException interrupted(InterruptedException e) {
        return new ProviderUnavailableException(
                "interrupted while calling " + errors.providerId(), ErrorContext.of(errors.providerId()), e);
    }

    private Failure classify(RuntimeException e, CallDeadline deadline) {
        if (e instanceof RateLimitedException limited) {
            return new Failure(FailureKind.RATE_LIMITED, limited.retryAfter(), limited);
        }
        if (e instanceof ProviderUnavailableException unavailable) {
            FailureKind kind = unavailable.httpStatus().orElse(0) == 503
                    ? FailureKind.SERVICE_UNAVAILABLE
                    : FailureKind.SERVER_ERROR;
            return new Failure(kind, unavailable.retryAfter(), unavailable);
        }
        if (e instanceof ChatDirectoryException other) {
            return Failure.finalFailure(other);
        }
        if (e instanceof DecodeException decode) {
            if (decode.getCause() instanceof ChatDirectoryException fromDecoder) {
                return Failure.finalFailure(fromDecoder);
            }
            return Failure.finalFailure(errors.protocolError(describe(decode.getCause()), decode));
        }
        if (e instanceof RetryableException transport && transport.getCause() instanceof IOException io) {
            return transportFailure(io, deadline, transport);
        }
        if (e instanceof FeignException feign
                && feign.getCause() instanceof IOException io
                && !(io instanceof JsonProcessingException)) {
            // The answer broke off while its body was read: the connection failed after the vendor
            // answered, not the vendor's format, so the request may have been applied.
            return transportFailure(io, deadline, feign);
        }
        if (e instanceof FeignException feign && feign.getCause() instanceof ChatDirectoryException wrapped) {
            return Failure.finalFailure(wrapped);
        }
        if (e instanceof FeignException feign) {
            return Failure.finalFailure(errors.protocolError(describe(feign), feign));
        }
        throw e;
    }

    private Failure transportFailure(IOException io, CallDeadline deadline, FeignException failed) {
        FailureKind kind;
        String what;
        String at = errors.providerId()
                + Endpoints.origin(failed.request())
                        .map(origin -> " at " + origin)
                        .orElse("");
        if (io instanceof ConnectException || io instanceof HttpConnectTimeoutException) {
            kind = FailureKind.CONNECT_FAILED;
            what = "could not connect to " + at + ": " + Endpoints.connectFailure(io);
        } else if (io instanceof HttpTimeoutException) {
            kind = FailureKind.TIMED_OUT;
            what = deadline.expired()
                    ? at + " did not answer within the call deadline of " + callTimeout.toMillis() + " ms"
                    : at + " did not answer in time";
        } else {
            kind = FailureKind.CONNECTION_LOST;
            what = "the connection to " + at + " failed: " + Endpoints.connectionFailure(io);
        }
        return new Failure(
                kind,
                Optional.empty(),
                new ProviderUnavailableException(what, ErrorContext.of(errors.providerId()), io));
    }

    private static String describe(Throwable t) {
        return t == null ? "no details" : t.getClass().getSimpleName();
    }

    private record Failure(FailureKind kind, Optional<Duration> retryAfter, ChatDirectoryException exception) {

        static Failure finalFailure(ChatDirectoryException exception) {
            return new Failure(null, Optional.empty(), exception);
        }

        boolean repeatable(CallSafety safety, boolean guarded) {
            if (kind == null) {
                return false;
            }
            return switch (safety) {
                case READ, IDEMPOTENT_WRITE, CONVERGENT_WRITE -> true;
                case UNSAFE_WRITE -> guarded || kind.notProcessed();
            };
        }
    }
}

package dev.chatdirectory.testkit;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The proxy extension that loses an answer after the upstream processed the request: the request
 * is forwarded and answered as usual, and then the answer is replaced by a {@link LostAnswer}
 * before it reaches the adapter.
 *
 * <p>It has to sit in the kit's proxy, not in the vendor emulator: the proxy turns a connection
 * fault of its upstream into a 500 of its own, so a fault injected behind it would never reach
 * the adapter as the fault it is.
 *
 * <p>Thread-safe; one plan at a time.
 */
final class AnswerLoss implements ResponseTransformerV2 {

    private final AtomicReference<Plan> plan = new AtomicReference<>();

    /**
     * Loses the answer to the {@code nth} request from now (1 for the next one); every other
     * answer passes.
     *
     * @param nth which request, counting from 1
     * @param how how the answer is lost
     */
    void lose(int nth, LostAnswer how) {
        if (nth < 1) {
            throw new IllegalArgumentException("requests are counted from 1: " + nth);
        }
        plan.set(new Plan(nth, how, new AtomicInteger()));
    }

    /** Lets every answer pass again. */
    void cancel() {
        plan.set(null);
    }

    /** {@return whether the planned answer has been lost} */
    boolean struck() {
        Plan current = plan.get();
        return current != null && current.seen.get() >= current.nth;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Plan current = plan.get();
        if (current == null || current.seen.incrementAndGet() != current.nth) {
            return response;
        }
        return current.how.replace(response);
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "chatdirectory-answer-loss";
    }

    private record Plan(int nth, LostAnswer how, AtomicInteger seen) {}
}

package dev.chatdirectory.testkit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The contract of providers that talk HTTP to a vendor: the whole {@link ChatDirectoryContract}
 * plus the resilience group, in which the kit injects 429, 503, connection resets, slow answers
 * and malformed bodies at its proxy and checks retries, deadlines, typed errors and that writes
 * are not repeated blindly; and loses the answers of writes the vendor applied, checking that
 * their outcomes still say what the call did. Needs no adapter code beyond the two hooks: the
 * backend must have an upstream (an emulator or a sandbox account).
 */
public abstract class HttpChatDirectoryContract extends ChatDirectoryContract {

    /** Allows subclasses. */
    protected HttpChatDirectoryContract() {}

    /** Rate limits, outages, resets, slow and malformed answers are survived or reported typed. */
    @Nested
    @DisplayName("resilience")
    class Resilience extends ResilienceContract {
        Resilience() {
            super(HttpChatDirectoryContract.this);
        }
    }
}

package dev.chatdirectory.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RateLimitSettings;
import dev.chatdirectory.RetrySettings;
import feign.RequestLine;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Reads one answer through the real transport and call executor, with the default response-size
 * cap, and prints how it ended, how long it took and the heap it was allowed: run in a child JVM
 * with a small heap by {@link BoundedResponseTest}, so that an unbounded read shows as an {@code
 * OutOfMemoryError} instead of passing on a large test heap.
 */
public final class ResponseProbe {

    interface Vendor {
        @RequestLine("GET /things")
        JsonNode things();
    }

    private ResponseProbe() {}

    /**
     * Runs the probe.
     *
     * @param args the vendor's base URL and the call deadline in milliseconds
     */
    public static void main(String[] args) {
        String baseUrl = args[0];
        Duration deadline = Duration.ofMillis(Long.parseLong(args[1]));
        ProviderConfig config = ProviderConfig.builder()
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(deadline)
                .build();
        ErrorMapper errors = new ErrorMapper("probe", SecretRedactor.of(List.of()), Clock.systemUTC());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(config.connectTimeout())
                .build();
        Vendor vendor = new FeignClientFactory(http, JsonMappers.shared(), errors, SecretRedactor.of(List.of()), config)
                .create(Vendor.class, baseUrl);
        HttpCallExecutor executor = new HttpCallExecutor(
                errors,
                new BackoffRetryPolicy(RetrySettings.DEFAULT),
                new TokenBucketRateLimiter(RateLimitSettings.unlimited(), Ticker.SYSTEM, Sleeper.SYSTEM),
                config.callTimeout(),
                Ticker.SYSTEM,
                Sleeper.SYSTEM);
        long start = System.nanoTime();
        String outcome;
        try {
            executor.read(vendor::things);
            outcome = "returned";
        } catch (Throwable t) {
            outcome = t.getClass().getName() + ": " + t.getMessage();
        }
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        System.out.println("outcome=" + outcome);
        System.out.println("elapsedMillis=" + elapsed);
        System.out.println("maxHeapBytes=" + Runtime.getRuntime().maxMemory());
    }
}

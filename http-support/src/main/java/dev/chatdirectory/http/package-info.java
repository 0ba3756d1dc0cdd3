/**
 * What every HTTP adapter shares, written once: the Feign client factory on the JDK {@link
 * java.net.http.HttpClient}, one Jackson configuration, the Guice assembly of a directory, the
 * call executor (retry of safe calls only, {@code Retry-After}, backoff with full jitter, the
 * overall call deadline and the client-side rate limiter), the mapping of vendor errors to the
 * API's exceptions, form-urlencoded request bodies, secret redaction and SLF4J request logging.
 *
 * <p>Nothing here is vendor-specific. Adapters contribute their Feign interface, DTOs, mappers,
 * {@link dev.chatdirectory.http.ErrorMapper} subclass and a {@link
 * dev.chatdirectory.http.HttpDirectoryModule} subclass, all in their own {@code .internal}
 * package.
 */
package dev.chatdirectory.http;

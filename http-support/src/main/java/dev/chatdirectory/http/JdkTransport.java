package dev.chatdirectory.http;

import dev.chatdirectory.ConfigurationException;
import dev.chatdirectory.ErrorContext;
import dev.chatdirectory.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The default transport of a directory, a JDK {@link HttpClient}, and the JDK behaviour it relies
 * on.
 *
 * <p>The version follows the base URL's scheme. Over {@code https} the client prefers HTTP/2 and
 * the TLS handshake (ALPN) settles it: HTTP/2 when the vendor offers it, else HTTP/1.1; no request
 * carries an upgrade header. Over plain {@code http} it speaks HTTP/1.1: the JDK reaches HTTP/2 in
 * clear text only through an {@code Upgrade: h2c} header, which it then sends on every request,
 * and servers that do not switch (form POSTs, most proxies) stay on HTTP/1.1 anyway. Either way
 * connections are kept alive and reused.
 *
 * <p>Resends the JDK makes on its own, inside one attempt of {@link HttpCallExecutor}: a request
 * whose connection could not be opened is sent once more (nothing reached the vendor); and over
 * HTTP/1.1 a {@code GET} or {@code HEAD} whose connection closes before any byte of the answer is
 * sent once more on a new connection, the usual cure for a pooled connection the vendor closed
 * while idle. That is safe for reads, and happens only when the vendor gave no answer (a 429 or
 * 503 is an answer and is never resent by the JDK). {@code POST}, {@code PUT}, {@code PATCH} and
 * {@code DELETE} are never resent by the JDK, unless the JVM sets {@value #RETRY_ALL_METHODS}:
 * then a write whose answer was lost could be applied twice behind the executor's back, so a
 * directory refuses to open.
 */
final class JdkTransport {

    /** The JDK property that makes its client resend writes too (JDK 11 to 25, read once per JVM). */
    static final String RETRY_ALL_METHODS = "jdk.httpclient.enableAllMethodRetry";

    private JdkTransport() {}

    /**
     * Builds the default client for a vendor.
     *
     * @param baseUrl the vendor's base URL, whose scheme chooses the HTTP version
     * @param config the connect timeout
     * @return a client reusing connections and following no redirects, so credentials never
     *     travel to another host
     */
    static HttpClient create(String baseUrl, ProviderConfig config) {
        return HttpClient.newBuilder()
                .version(version(baseUrl))
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@return HTTP/2 (negotiated by ALPN) for an {@code https} base URL, HTTP/1.1 otherwise} */
    static HttpClient.Version version(String baseUrl) {
        String scheme = URI.create(baseUrl).getScheme();
        return "https".equalsIgnoreCase(scheme) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    /**
     * Reads a networking property as the JDK does: the system property, else {@code
     * conf/net.properties} of the running JDK.
     *
     * @param name the property name
     * @return the value, or {@code null} when neither sets it
     */
    static String netProperty(String name) {
        String value = System.getProperty(name);
        return value != null ? value : NetPropertiesFile.VALUES.getProperty(name);
    }

    /** The JDK's {@code conf/net.properties}, read once, on first use. */
    private static final class NetPropertiesFile {
        static final Properties VALUES = load();

        private static Properties load() {
            Properties values = new Properties();
            Path file = Path.of(System.getProperty("java.home"), "conf", "net.properties");
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | RuntimeException unreadable) {
                // A JDK without the file sets nothing there; the JDK itself then reads no value either.
            }
            return values;
        }
    }

    /**
     * Refuses a JVM in which the JDK client would resend writes by itself.
     *
     * @param properties the JVM's networking properties, by name, e.g. {@link #netProperty}
     * @param providerId names the provider in the error
     * @throws ConfigurationException if {@value #RETRY_ALL_METHODS} is set to anything but {@code
     *     false} (the JDK reads an empty value as {@code true})
     */
    static void refuseWriteResends(UnaryOperator<String> properties, String providerId) {
        String value = properties.apply(RETRY_ALL_METHODS);
        if (value != null && !value.strip().toLowerCase(Locale.ROOT).equals("false")) {
            throw new ConfigurationException(
                    "the system property " + RETRY_ALL_METHODS + " makes the JDK HTTP client resend a write"
                            + " whose answer was lost, which could apply it twice; unset it to use " + providerId,
                    ErrorContext.of(providerId));
        }
    }
}

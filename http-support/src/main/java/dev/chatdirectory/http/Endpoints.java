package dev.chatdirectory.http;

import feign.Request;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Names the server and the cause of a transport failure for people: where the call went (scheme,
 * host and port only: paths, queries and user info may carry ids or credentials) and why it failed
 * (refused, unknown host, TLS, time-out), in a few words.
 */
final class Endpoints {

    private Endpoints() {}

    /** {@return the request's scheme, host and port, such as {@code https://api.example.com:8443}} */
    static Optional<String> origin(Request request) {
        if (request == null || request.url() == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(request.url());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(
                    uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@return why a connection could not be opened} */
    static String connectFailure(IOException failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (hasCause(failure, UnresolvedAddressException.class) || hasCause(failure, UnknownHostException.class)) {
            return "unknown host";
        }
        if (hasCause(failure, SSLException.class)) {
            return "TLS handshake failed";
        }
        return "connection refused";
    }

    /** {@return why an open connection failed} */
    static String connectionFailure(IOException failure) {
        if (hasCause(failure, SSLException.class)) {
            return "TLS failure";
        }
        return failure.getClass().getSimpleName();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

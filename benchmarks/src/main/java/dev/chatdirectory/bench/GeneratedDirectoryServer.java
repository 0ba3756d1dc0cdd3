package dev.chatdirectory.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback server that makes up a vendor's user listing of any size on the fly: user {@code n}
 * is {@code u<n>} named {@code User <n>}, rows are rendered in the vendor's wire format from the
 * page a request asks for, and nothing is stored, so a walk of a million users costs the server
 * one small page at a time. Serves AtomChat {@code listUsers} and {@code getUser}, CometChat
 * {@code GET /users} and Qiscus {@code get_user_list}.
 *
 * <p>Thread-safe.
 */
final class GeneratedDirectoryServer implements AutoCloseable {

    static {
        // See CannedServer: without it, Nagle's algorithm adds a delayed ACK to every answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Vendor vendor;
    private final long users;
    private final HttpServer server;
    private final ExecutorService workers;
    private final LongAdder requests = new LongAdder();

    /**
     * Starts the server.
     *
     * @param vendor whose wire format to speak
     * @param users how many users the directory has
     */
    GeneratedDirectoryServer(Vendor vendor, long users) {
        this.vendor = vendor;
        this.users = users;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "generated-directory");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@return the vendor base URL on this server} */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + vendor.basePath());
    }

    /** {@return the requests served} */
    long requests() {
        return requests.sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.increment();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = parse(body);
            params.putAll(parse(exchange.getRequestURI().getRawQuery()));
            String path = exchange.getRequestURI().getPath();
            String answer = switch (vendor) {
                case ATOMCHAT -> path.endsWith("/getUser") ? atomChatUser(params.get("UID")) : atomChatRows(params);
                case COMETCHAT -> cometChatPage(params);
                case QISCUS -> qiscusPage(params);
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String atomChatRows(Map<String, String> params) {
        long offset = Long.parseLong(params.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
        StringBuilder out = new StringBuilder(
                "{\"success\":{\"status\":\"2000\",\"message\":\"List fetched successfully\",\"data\":[");
        for (long n = offset; n < Math.min(users, offset + limit); n++) {
            if (n > offset) {
                out.append(',');
            }
            out.append("{\"userid\":\"")
                    .append(n + 1)
                    .append("\",\"uid\":\"u")
                    .append(n)
                    .append("\",\"username\":\"User ")
                    .append(n)
                    .append("\",\"displayname\":\"User ")
                    .append(n)
                    .append("\",\"friends\":\"\",\"role\":\"default\",\"status\":\"offline\",\"lastactivity\":\"0\"}");
        }
        return out.append("]}}").toString();
    }

    private static String atomChatUser(String uid) {
        String n = uid.substring(1);
        return "{\"success\":{\"status\":\"2000\",\"message\":\"User details accessed successfully\",\"data\":{\"user\":"
                + "{\"uid\":\"" + uid + "\",\"name\":\"User " + n + "\",\"link\":\"\",\"avatar\":\"\",\"friends\":\"\","
                + "\"role\":\"default\",\"credits\":\"0\",\"cid\":\"" + n + "\",\"lastactivity\":\"0\"}}}}";
    }

    private String cometChatPage(Map<String, String> params) {
        int perPage = Integer.parseInt(params.getOrDefault("perPage", "100"));
        long page = Long.parseLong(params.getOrDefault("page", "1"));
        long first = (page - 1) * perPage;
        long last = Math.min(users, first + perPage);
        StringBuilder out = new StringBuilder("{\"data\":[");
        for (long n = first; n < last; n++) {
            if (n > first) {
                out.append(',');
            }
            out.append("{\"uid\":\"u")
                    .append(n)
                    .append("\",\"name\":\"User ")
                    .append(n)
                    .append("\",\"status\":\"offline\",\"role\":\"default\",\"createdAt\":1796502374}");
        }
        long totalPages = (users + perPage - 1) / perPage;
        return out.append("],\"meta\":{\"pagination\":{\"total\":")
                .append(users)
                .append(",\"count\":")
                .append(Math.max(0, last - first))
                .append(",\"per_page\":")
                .append(perPage)
                .append(",\"current_page\":")
                .append(page)
                .append(",\"total_pages\":")
                .append(totalPages)
                .append("}}}")
                .toString();
    }

    private String qiscusPage(Map<String, String> params) {
        int limit = Integer.parseInt(params.getOrDefault("limit", "20"));
        long page = Long.parseLong(params.getOrDefault("page", "1"));
        long first = (page - 1) * limit;
        long last = Math.min(users, first + limit);
        long totalPages = (users + limit - 1) / limit;
        StringBuilder out = new StringBuilder("{\"results\":{\"meta\":{\"total_data\":")
                .append(users)
                .append(",\"total_page\":")
                .append(totalPages)
                .append("},\"users\":[");
        for (long n = first; n < last; n++) {
            if (n > first) {
                out.append(',');
            }
            out.append("{\"id\":")
                    .append(100_000 + n)
                    .append(",\"email\":\"u")
                    .append(n)
                    .append("\",\"name\":\"User ")
                    .append(n)
                    .append("\",\"username\":\"User ")
                    .append(n)
                    .append(
                            "\",\"avatar_url\":\"https://example.com/avatar.png\",\"extras\":{},\"active\":true,"
                                    + "\"created_at\":\"2026-12-05T20:26:16.765604Z\",\"updated_at\":\"2026-12-05T20:26:16.765604Z\"}");
        }
        return out.append("]},\"status\":200}").toString();
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> params = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}

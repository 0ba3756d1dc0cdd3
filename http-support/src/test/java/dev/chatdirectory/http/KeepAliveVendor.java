package dev.chatdirectory.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 vendor on a raw socket at 127.0.0.1 that keeps connections alive, for what WireMock
 * does not show: how many connections the client opened, the exact request heads, a kept-alive
 * connection closed under a request, and how many requests are in flight at once. Every request
 * is answered {@code 200} with a small JSON object, unless a drop is queued for it: then the
 * request is read whole and its connection closed without a byte of answer.
 */
final class KeepAliveVendor implements AutoCloseable {

    /** A request as it arrived: the connection it came on and its head. */
    record Received(int connection, String head) {

        String method() {
            return head.substring(0, head.indexOf(' '));
        }

        boolean hasHeader(String name) {
            String prefix = "\r\n" + name.toLowerCase(Locale.ROOT) + ":";
            return head.toLowerCase(Locale.ROOT).contains(prefix);
        }
    }

    private static final byte[] ANSWER =
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n"
                            + "{\"id\":\"a\",\"name\":\"Ann\"}\n")
                    .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final long delayMillis;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Boolean> drops = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /**
     * Starts the vendor.
     *
     * @param delayMillis how long each answer takes
     */
    KeepAliveVendor(long delayMillis) throws IOException {
        this.delayMillis = delayMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "keep-alive-vendor-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Closes the connection of the next request after reading it, without answering. */
    void dropNext() {
        drops.add(Boolean.TRUE);
    }

    /**
     * Holds every answer until {@code count} requests are in flight together, or 10 seconds have
     * passed: a client that serialises its calls then shows a maximum of 1 in flight, however fast
     * the machine is.
     */
    void holdUntilInFlight(int count) {
        gate = new CountDownLatch(count);
    }

    /** {@return the connections accepted so far} */
    int connections() {
        return connections.get();
    }

    /** {@return the requests received so far, oldest first} */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** {@return the most requests that were being answered at the same time} */
    int maxInFlight() {
        return maxInFlight.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int id = connections.incrementAndGet();
                Thread handler = new Thread(() -> serve(socket, id), "keep-alive-vendor-connection-" + id);
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int id) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                in.readNBytes(contentLength(head));
                received.add(new Received(id, head));
                if (drops.poll() != null) {
                    return;
                }
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    CountDownLatch held = gate;
                    held.countDown();
                    held.await(10, TimeUnit.SECONDS);
                    Thread.sleep(delayMillis);
                } finally {
                    inFlight.decrementAndGet();
                }
                out.write(ANSWER);
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // The client closed the connection.
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(
                        line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    /** {@return the request head, or {@code null} when the client closed the connection first} */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

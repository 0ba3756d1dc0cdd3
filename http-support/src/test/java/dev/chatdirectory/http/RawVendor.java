package dev.chatdirectory.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A vendor on a raw socket at 127.0.0.1, for answers WireMock cannot give: endless bodies, bodies
 * that trickle in, lengths that lie. Every connection gets the same answer after its request head
 * has been read; the connection is closed after it.
 */
final class RawVendor implements AutoCloseable {

    /** Writes one answer, status line included. */
    @FunctionalInterface
    interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Answer answer;

    RawVendor(Answer answer) throws IOException {
        this.answer = answer;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "raw-vendor-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** A head with status 200, a JSON content type and the given extra header lines. */
    static byte[] head(String... headers) {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends a JSON array of zeros for as long as the client reads, up to {@code bytes}. */
    static Answer endless(long bytes) {
        return out -> {
            out.write(head("Connection: close"));
            out.write('[');
            byte[] block = "0,".repeat(32 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long sent = 1; sent < bytes; sent += block.length) {
                out.write(block);
            }
        };
    }

    /** Sends a body of {@code bytes} bytes, one byte every {@code pauseMillis}. */
    static Answer dribble(int bytes, long pauseMillis) {
        return out -> {
            out.write(head("Content-Length: " + bytes));
            out.flush();
            for (int i = 0; i < bytes; i++) {
                Thread.sleep(pauseMillis);
                out.write(i == 0 ? '[' : i == bytes - 1 ? ']' : ' ');
                out.flush();
            }
        };
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handler = new Thread(() -> serve(socket), "raw-vendor-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            answer.write(out);
            out.flush();
        } catch (IOException | InterruptedException clientGone) {
            // The client stopped reading, which is what these answers test.
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended before its head did");
            }
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

package dev.tern.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A board served on 127.0.0.1 for tests: one body per path that a test swaps at will, an optional ETag (so polls
 * can be 304), forced failure statuses, and answers held back until the test releases them.
 */
public final class BoardServer implements AutoCloseable {

    private static final Duration HOLD_AT_MOST = Duration.ofMinutes(1);

    private final HttpServer server;
    private final ConcurrentHashMap<String, String> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean etags = true;
    private volatile int failWith;
    private volatile CountDownLatch gate;

    private BoardServer(HttpServer server) {
        this.server = server;
    }

    public static BoardServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        BoardServer board = new BoardServer(http);
        http.createContext("/", board::handle);
        http.start();
        return board;
    }

    /** "http://127.0.0.1:PORT". */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code body} at {@code path}; a path with a query ("/jobs?offset=100") wins over the bare path. */
    public void serve(String path, String body) {
        bodies.put(path, body);
    }

    /** Whether responses carry an ETag and answer If-None-Match with 304. */
    public void etags(boolean on) {
        etags = on;
    }

    /** Stops serving {@code path}: it answers 404. */
    public void remove(String path) {
        bodies.remove(path);
    }

    /** Answer every request with this status (0 to stop failing). */
    public void failWith(int status) {
        failWith = status;
    }

    /** Holds every answer until {@link #release()}: a slow board, so that a poll of it stays in progress. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Answers the held requests and stops holding. */
    public void release() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            awaitRelease();
            String query = exchange.getRequestURI().getRawQuery();
            String path = exchange.getRequestURI().getPath();
            String body = query == null ? null : bodies.get(path + "?" + query);
            body = body == null ? bodies.get(path) : body;
            if (failWith != 0 || body == null) {
                exchange.sendResponseHeaders(failWith != 0 ? failWith : 404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String etag = "\"" + HexFormat.of().toHexDigits(body.hashCode()) + "\"";
            if (etags) {
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void awaitRelease() {
        CountDownLatch held = gate;
        try {
            if (held != null && !held.await(HOLD_AT_MOST.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("a held request was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}

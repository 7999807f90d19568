package dev.tern.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A webhook receiver on 127.0.0.1 for delivery tests (a fake Slack incoming webhook, Discord webhook or JSON
 * endpoint): records every request with its body and arrival time, and answers with the responses a test queued,
 * then with what {@code otherwise} gives (by default 200 "ok").
 */
public final class FakeWebhook implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Answer> queued = new ConcurrentLinkedQueue<>();
    private volatile Function<Request, Answer> otherwise = request -> new Answer(200, "ok");

    private FakeWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeWebhook start() throws IOException {
        return new FakeWebhook();
    }

    /** "http://127.0.0.1:PORT" followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next request gets this answer (header pairs as name, value, ...). */
    public FakeWebhook queue(int status, String body, String... headers) {
        queued.add(new Answer(status, body, headers));
        return this;
    }

    /** Requests with nothing queued get what {@code answer} says. */
    public FakeWebhook otherwise(Function<Request, Answer> answer) {
        otherwise = answer;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until at least {@code count} requests arrived; returns them all. */
    public List<Request> await(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return requests();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    exchange.getRequestHeaders(),
                    new String(body, StandardCharsets.UTF_8),
                    System.nanoTime());
            requests.add(request);
            Answer answer = queued.poll();
            if (answer == null) {
                answer = otherwise.apply(request);
            }
            for (int i = 0; i < answer.headers().length; i += 2) {
                exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }

    /** An answer: status, body, header pairs. */
    public record Answer(int status, String body, String... headers) {}

    /** One request as the fake saw it. */
    public record Request(String method, URI uri, Headers headers, String body, long receivedNanos) {

        public String header(String name) {
            return headers.getFirst(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

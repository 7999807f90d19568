package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST side of the fake Discord: a JDK HTTP server (HTTP/1.1 keep-alive) under {@code /api/v10/} that records
 * every request, answers injected failures first, then the routes, and a Discord-style 404 for anything else.
 */
final class FakeRest implements AutoCloseable {

    static final String PREFIX = "/api/v10/";
    private static final Logger LOG = LoggerFactory.getLogger(FakeRest.class);
    private static final int RATE_LIMIT = 5;
    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final int INTERNAL_ERROR = 500;
    private static final int UNAVAILABLE = 503;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Clock clock;
    private final Router router;
    private final Faults faults;
    private final RequestLog log;
    private volatile Chaos chaos = Chaos.NONE;

    FakeRest(Clock clock, Router router, Faults faults, RequestLog log) {
        this.clock = clock;
        this.router = router;
        this.faults = faults;
        this.log = log;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the fake Discord REST server on 127.0.0.1", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** From now on, answers slowly and fails now and then as {@code chaos} decides. */
    void chaos(Chaos chaos) {
        this.chaos = chaos;
    }

    int chaosFaults() {
        return chaos.faults();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : rawPath;
            String query = exchange.getRequestURI().getRawQuery();
            JsonNode body = FakeJson.parse(exchange.getRequestBody().readAllBytes());
            Faults.Fault fault = faults.take(method, path).orElse(null);
            Chaos.Outcome outcome = fault == null ? chaos.outcome(method, path) : Chaos.Outcome.NORMAL;
            Router.Reply reply = fault != null
                    ? new Router.Reply(fault.status(), fault.body())
                    : switch (outcome) {
                        case FAIL_BEFORE -> Router.Reply.error(INTERNAL_ERROR, 0, "500: Internal Server Error");
                        case UNAVAILABLE -> Router.Reply.error(UNAVAILABLE, 0, "503: Service Unavailable");
                        case NORMAL, FAIL_AFTER ->
                            rawPath.startsWith(PREFIX)
                                    ? router.route(method, path, query, body).orElse(null)
                                    : null;
                    };
            if (outcome == Chaos.Outcome.FAIL_AFTER && reply != null) {
                reply = Router.Reply.error(INTERNAL_ERROR, 0, "500: Internal Server Error");
            }
            boolean unknownRoute = reply == null;
            if (unknownRoute) {
                reply = Router.Reply.error(Router.Reply.NOT_FOUND, 0, "404: Not Found");
                LOG.warn("fake Discord has no route for {} {}", method, rawPath);
            }
            log.add(
                    new Recorded(
                            method,
                            path,
                            query == null ? "" : query,
                            body,
                            headers(exchange),
                            reply.status(),
                            clock.instant()),
                    unknownRoute);
            // recorded as soon as it is acted on; the answer comes after the delay, as from a slow Discord
            chaos.delay();
            if (fault != null && fault.retryAfter() != null) {
                rateLimitHeaders(exchange, path, fault.retryAfter());
            }
            respond(exchange, reply);
        } catch (RuntimeException e) {
            LOG.error("fake Discord failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            throw e;
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    /** What JDA reads on a 429: seconds in Retry-After, a bucket, and {@code via} so it is not a Cloudflare ban. */
    private void rateLimitHeaders(HttpExchange exchange, String path, Duration retryAfter) {
        double seconds = retryAfter.toMillis() / MILLIS_PER_SECOND;
        var headers = exchange.getResponseHeaders();
        headers.add("Retry-After", Long.toString((long) Math.ceil(seconds)));
        headers.add("X-RateLimit-Limit", Integer.toString(RATE_LIMIT));
        headers.add("X-RateLimit-Remaining", "0");
        headers.add("X-RateLimit-Reset", Double.toString(clock.millis() / MILLIS_PER_SECOND + seconds));
        headers.add("X-RateLimit-Reset-After", Double.toString(seconds));
        headers.add("X-RateLimit-Bucket", "fake-" + Integer.toHexString(path.hashCode()));
        headers.add("X-RateLimit-Scope", "user");
        headers.add("via", "1.1 google");
    }

    static ObjectNode rateLimitBody(Duration retryAfter) {
        return FakeJson.object()
                .put("message", "You are being rate limited.")
                .put("retry_after", retryAfter.toMillis() / MILLIS_PER_SECOND)
                .put("global", false)
                .put("code", 0);
    }

    private static void respond(HttpExchange exchange, Router.Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = FakeJson.bytes(reply.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

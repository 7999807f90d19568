package dev.tern.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.tern.config.HttpConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small read-only HTTP server: {@code /livez}, {@code /readyz}, {@code /metrics} and the status page at
 * {@code /}, on the JDK's server with one virtual thread per request. With a password, everything but the two
 * health checks asks for HTTP Basic authentication.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final int STOP_WAIT_SECONDS = 1;
    /** The summary as {@code tern status --json} prints it; {@code tern status} reads it from a running Tern. */
    static final String STATUS_JSON = "/status.json";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Health health;
    private final TernMetrics metrics;
    private final StatusReader status;

    private WebServer(HttpServer server, Health health, TernMetrics metrics, StatusReader status) {
        this.server = server;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.health = health;
        this.metrics = metrics;
        this.status = status;
    }

    /**
     * Listens on {@code config.bind():config.port()} and serves until closed.
     *
     * @throws WebStartException when the address cannot be bound (in use, or not an address of this machine)
     */
    public static WebServer start(HttpConfig config, Health health, TernMetrics metrics, StatusReader status)
            throws WebStartException {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 0);
        } catch (BindException e) {
            throw new WebStartException(
                    "cannot listen on " + config.bind() + ":" + config.port() + " (http.bind, http.port): "
                            + e.getMessage() + "; choose another http.port or stop what uses it",
                    e);
        } catch (IOException | RuntimeException e) {
            throw new WebStartException(
                    "cannot listen on " + config.bind() + ":" + config.port() + " (http.bind, http.port): "
                            + e.getMessage(),
                    e);
        }
        WebServer web = new WebServer(http, health, metrics, status);
        http.setExecutor(web.executor);
        http.createContext("/livez", web.get(web::livez));
        http.createContext("/readyz", web.get(web::readyz));
        Optional<BasicAuth> auth = config.passwordProtected()
                ? Optional.of(new BasicAuth(HttpConfig.USER, config.password()))
                : Optional.empty();
        protect(http.createContext("/metrics", web.get(web::metrics)), auth);
        protect(http.createContext(STATUS_JSON, web.get(web::statusJson)), auth);
        protect(http.createContext("/", web.get(web::page)), auth);
        http.start();
        log.info(
                "Status server on http://{}:{}/ ({})",
                config.bind(),
                web.port(),
                config.passwordProtected() ? "password required but for /livez and /readyz" : "no password");
        return web;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, lets running requests finish for a moment, and ends their threads. */
    @Override
    public void close() {
        server.stop(STOP_WAIT_SECONDS);
        executor.shutdownNow();
    }

    private static void protect(HttpContext context, Optional<BasicAuth> auth) {
        auth.ifPresent(filter -> context.getFilters().add(filter));
    }

    private void livez(HttpExchange exchange) throws IOException {
        boolean alive = health.alive();
        Responses.text(exchange, alive ? 200 : 503, alive ? "ok\n" : "the scheduler has stopped\n");
    }

    private void readyz(HttpExchange exchange) throws IOException {
        Map<String, String> checks = health.ready();
        ObjectNode body = JSON.createObjectNode();
        boolean ready = checks.values().stream().allMatch(Health.OK::equals);
        body.put("status", ready ? "ready" : "not ready");
        var failing = body.putArray("failing");
        checks.forEach((name, result) -> {
            if (!Health.OK.equals(result)) {
                failing.add(name);
            }
        });
        ObjectNode results = body.putObject("checks");
        checks.forEach(results::put);
        Responses.send(exchange, ready ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
    }

    private void metrics(HttpExchange exchange) throws IOException {
        Responses.send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            Responses.text(exchange, 404, "not found: this server has /, /status.json, /livez, /readyz and /metrics\n");
            return;
        }
        Optional<StatusSummary> summary = summary(exchange);
        if (summary.isPresent()) {
            Responses.html(exchange, 200, StatusPage.render(summary.get()));
        }
    }

    private void statusJson(HttpExchange exchange) throws IOException {
        Optional<StatusSummary> summary = summary(exchange);
        if (summary.isPresent()) {
            Responses.send(exchange, 200, "application/json", StatusText.json(summary.get()) + "\n");
        }
    }

    /** The summary, or empty after answering 503 when the database did not answer in time. */
    private Optional<StatusSummary> summary(HttpExchange exchange) throws IOException {
        Duration limit = StatusGauges.READ_LIMIT;
        Optional<StatusSummary> summary = WithinTime.get(status::read, limit);
        if (summary.isEmpty()) {
            Responses.text(exchange, 503, "the database did not answer within " + limit.toSeconds() + "s\n");
        }
        return summary;
    }

    /** Answers GET and HEAD with {@code handler}, anything else with 405; logs (and hides) internal errors. */
    private HttpHandler get(HttpHandler handler) {
        return exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    Responses.text(exchange, 405, "read only: use GET\n");
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException e) {
                log.error("Status server: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                Responses.text(exchange, 500, "internal error; see Tern's log\n");
            }
        };
    }
}

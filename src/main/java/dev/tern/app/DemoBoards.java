package dev.tern.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The boards {@code tern demo} polls: a Simplify list, a Greenhouse board and a Lever site, bundled with Tern and
 * served on 127.0.0.1. {@link #advance()} moves them to their second version (new postings, one closed, one
 * updated). Dates in the bundled files are relative ({@code {{epoch:-2d}}}) so the demo never ages past maxAge.
 */
final class DemoBoards implements AutoCloseable {

    private static final Map<String, String> BOARDS = Map.of(
            "/simplify/listings.json", "simplify",
            "/greenhouse/v1/boards/kestrel/jobs", "greenhouse",
            "/lever/v0/postings/nimbus", "lever");
    private static final Pattern RELATIVE_DATE = Pattern.compile("\\{\\{(epoch|epochms|iso):-(\\d+)d}}");

    private final HttpServer server;
    private final Clock clock;
    private volatile int version = 1;

    private DemoBoards(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    static DemoBoards start(Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        DemoBoards boards = new DemoBoards(server, clock);
        server.createContext("/", boards::serve);
        server.start();
        return boards;
    }

    /** The base URL the demo config's {@code ${DEMO_BASE}} stands for. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Switches every board to its second version. */
    void advance() {
        version = 2;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String board = BOARDS.get(exchange.getRequestURI().getPath());
            boolean laterPage =
                    String.valueOf(exchange.getRequestURI().getQuery()).matches(".*\\bskip=[1-9].*");
            if (board == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = laterPage ? "[]".getBytes(StandardCharsets.UTF_8) : render(board + "-v" + version + ".json");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private byte[] render(String resource) {
        try (InputStream in = DemoBoards.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the jar: " + resource);
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return substituteDates(template).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String substituteDates(String template) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Matcher m = RELATIVE_DATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Instant at = now.minus(Duration.ofDays(Long.parseLong(m.group(2))));
            String value =
                    switch (m.group(1)) {
                        case "epoch" -> String.valueOf(at.getEpochSecond());
                        case "epochms" -> String.valueOf(at.toEpochMilli());
                        case "iso" -> at.toString();
                        default -> throw new AssertionError(m.group(1));
                    };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a REST method and path (after {@code /api/v10/}) to the handler that answers it. */
final class Router {

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** Adds a route; {@code pathRegex} must match the whole path, its groups go to the handler. */
    Router on(String method, String pathRegex, Handler handler) {
        return onQuery(method, pathRegex, (path, query, body) -> handler.handle(path, body));
    }

    /** Adds a route whose handler also reads the query parameters. */
    Router onQuery(String method, String pathRegex, QueryHandler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    Optional<Reply> route(String method, String path, String query, JsonNode body) {
        for (Route route : routes) {
            Matcher matcher = route.path.matcher(path);
            if (route.method.equals(method) && matcher.matches()) {
                return Optional.of(route.handler.handle(matcher, parameters(query), body));
            }
        }
        return Optional.empty();
    }

    /** The query's parameters, first value of each, decoded. */
    static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Answers one request; the matcher holds the path's groups. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Matcher path, JsonNode body);
    }

    /** Answers one request that has query parameters. */
    @FunctionalInterface
    interface QueryHandler {
        Reply handle(Matcher path, Map<String, String> query, JsonNode body);
    }

    /** A REST answer: status and JSON body (null for no content). */
    record Reply(int status, JsonNode body) {

        static final int OK = 200;
        static final int NO_CONTENT = 204;
        static final int BAD_REQUEST = 400;
        static final int NOT_FOUND = 404;

        static Reply ok(JsonNode body) {
            return new Reply(OK, body);
        }

        static Reply noContent() {
            return new Reply(NO_CONTENT, null);
        }

        static Reply error(int status, int code, String message) {
            return new Reply(status, FakeJson.error(code, message));
        }
    }

    private record Route(String method, Pattern path, QueryHandler handler) {}
}

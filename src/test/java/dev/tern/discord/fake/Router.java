package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a REST method and path (after {@code /api/v10/}) to the handler that answers it. */
final class Router {

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** Adds a route; {@code pathRegex} must match the whole path, its groups go to the handler. */
    Router on(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    Optional<Reply> route(String method, String path, JsonNode body) {
        for (Route route : routes) {
            Matcher matcher = route.path.matcher(path);
            if (route.method.equals(method) && matcher.matches()) {
                return Optional.of(route.handler.handle(matcher, body));
            }
        }
        return Optional.empty();
    }

    /** Answers one request; the matcher holds the path's groups. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Matcher path, JsonNode body);
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

    private record Route(String method, Pattern path, Handler handler) {}
}

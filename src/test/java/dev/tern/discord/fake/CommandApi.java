package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * Application command registration: bulk PUT (global or per guild) echoes the commands with ids, a command keeping
 * its id across registrations as on Discord; the last PUT body is kept for tests to assert.
 */
final class CommandApi {

    private static final String COMMANDS = "applications/(\\d+)(?:/guilds/(\\d+))?/commands";

    private final Snowflakes snowflakes;
    private final Map<String, String> idsByName = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> registeredByScope = new ConcurrentHashMap<>();
    private volatile ArrayNode lastPut = FakeJson.array();

    CommandApi(Snowflakes snowflakes) {
        this.snowflakes = snowflakes;
    }

    void register(Router router) {
        router.on("PUT", COMMANDS, this::put)
                .on("GET", COMMANDS, (path, body) -> Router.Reply.ok(registered(scope(path))))
                .on("POST", COMMANDS, this::upsert)
                .on("DELETE", COMMANDS + "/(\\d+)", (path, body) -> Router.Reply.noContent());
    }

    /** The body of the last bulk PUT (global or guild), as JDA sent it. */
    ArrayNode lastRegistered() {
        return lastPut.deepCopy();
    }

    /** The id of the registered command with that name, if any. */
    Optional<String> idOf(String name) {
        return Optional.ofNullable(idsByName.get(name));
    }

    private Router.Reply put(Matcher path, JsonNode body) {
        if (!body.isArray()) {
            return Router.Reply.error(Router.Reply.BAD_REQUEST, 50035, "Invalid Form Body: expected an array");
        }
        lastPut = (ArrayNode) body.deepCopy();
        ArrayNode answer = FakeJson.array();
        body.forEach(command -> answer.add(withId(command, path)));
        registeredByScope.put(scope(path), answer);
        return Router.Reply.ok(answer);
    }

    private Router.Reply upsert(Matcher path, JsonNode body) {
        ObjectNode command = withId(body, path);
        registeredByScope.computeIfAbsent(scope(path), s -> FakeJson.array()).add(command);
        return Router.Reply.ok(command);
    }

    private ObjectNode withId(JsonNode command, Matcher path) {
        ObjectNode answer = command.deepCopy();
        String name = command.path("name").asText();
        answer.put("id", idsByName.computeIfAbsent(name, n -> snowflakes.next()));
        answer.put("application_id", path.group(1)).put("version", snowflakes.next());
        if (path.group(2) != null) {
            answer.put("guild_id", path.group(2));
        }
        if (!answer.has("type")) {
            answer.put("type", 1);
        }
        return answer;
    }

    private ArrayNode registered(String scope) {
        return registeredByScope.getOrDefault(scope, FakeJson.array()).deepCopy();
    }

    private static String scope(Matcher path) {
        return path.group(2) == null ? "global" : path.group(2);
    }
}

package dev.tern.discord.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;

/** The one Jackson mapper of the fake Discord, and the few JSON shapes several classes build. */
final class FakeJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The body as JSON; text that is not JSON (a multipart upload) stays as text, an empty body is missing. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON " + node, e);
        }
    }

    static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /** A Discord user object. */
    static ObjectNode user(String id, String username, boolean bot) {
        ObjectNode user = object().put("id", id).put("username", username).put("discriminator", "0");
        user.put("global_name", username);
        if (bot) {
            user.put("bot", true);
        }
        return user;
    }

    /** A Discord error body, as JDA turns it into an ErrorResponseException. */
    static ObjectNode error(int code, String message) {
        return object().put("code", code).put("message", message);
    }
}

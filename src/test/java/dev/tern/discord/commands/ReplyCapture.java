package dev.tern.discord.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.InteractionReply;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Answers JDA's interaction requests (the callback, edits of {@code @original}, follow-ups) inside JDA's own HTTP
 * client, keeping each request body exactly as JDA serialised it for Discord, by interaction token. Everything
 * else (login, command registration) goes on to the fake Discord. Thousands of replies then cost no socket round
 * trip, while the handler, JDA's reply actions, its request serialisation and its rate limiter all run.
 */
final class ReplyCapture implements Interceptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CALLBACK = Pattern.compile(".*/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern WEBHOOK = Pattern.compile(".*/webhooks/(\\d+)/([^/]+)(/messages/(@original|\\d+))?");
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final Map<String, Exchange> byToken = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong(1_400_000_000_000_000_000L);

    /** What the bot sent for one interaction: its callbacks, edits of {@code @original} and follow-ups. */
    static final class Exchange {
        final String token;
        final List<JsonNode> callbacks = new ArrayList<>();
        final List<JsonNode> edits = new ArrayList<>();
        final List<JsonNode> followUps = new ArrayList<>();

        Exchange(String token) {
            this.token = token;
        }

        synchronized void add(List<JsonNode> list, JsonNode body) {
            list.add(body);
            notifyAll();
        }

        /** Waits until the reply is complete: a callback, and for a deferred one its edit. */
        synchronized boolean awaitAnswer(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!answered()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }

        private boolean answered() {
            if (callbacks.isEmpty()) {
                return false;
            }
            int type = callbacks.getFirst().path("type").asInt();
            return type != InteractionReply.DEFER_REPLY || !edits.isEmpty();
        }

        @Override
        public synchronized String toString() {
            return "callbacks " + callbacks + ", edits " + edits + ", follow-ups " + followUps;
        }
    }

    /** Starts recording the interaction with this token. */
    Exchange expect(String token) {
        Exchange exchange = new Exchange(token);
        byToken.put(token, exchange);
        return exchange;
    }

    void forget(Exchange exchange) {
        byToken.remove(exchange.token);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        Matcher callback = CALLBACK.matcher(path);
        if (callback.matches() && byToken.containsKey(callback.group(2))) {
            byToken.get(callback.group(2)).add(byToken.get(callback.group(2)).callbacks, body(request));
            return answer(request, 204, null);
        }
        Matcher webhook = WEBHOOK.matcher(path);
        if (webhook.matches() && byToken.containsKey(webhook.group(2))) {
            Exchange exchange = byToken.get(webhook.group(2));
            JsonNode body = body(request);
            exchange.add(webhook.group(3) == null ? exchange.followUps : exchange.edits, body);
            return answer(request, 200, message(body));
        }
        return chain.proceed(request);
    }

    private static JsonNode body(Request request) throws IOException {
        if (request.body() == null) {
            return JSON.createObjectNode();
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return JSON.readTree(buffer.readByteArray());
    }

    /** The message Discord would return: the body with the fields JDA needs to read it back. */
    private ObjectNode message(JsonNode body) {
        ObjectNode message = body.isObject() ? ((ObjectNode) body).deepCopy() : JSON.createObjectNode();
        message.put("id", Long.toString(messageIds.incrementAndGet()))
                .put("type", 20)
                .put("channel_id", FakeDiscord.GENERAL)
                .put("timestamp", Instant.now().toString());
        message.putObject("author")
                .put("id", FakeDiscord.BOT_ID)
                .put("username", FakeDiscord.BOT_NAME)
                .put("bot", true);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        ArrayNode embeds = message.withArray("embeds");
        embeds.forEach(e -> ((ObjectNode) e).put("type", "rich"));
        return message;
    }

    private static Response answer(Request request, int status, JsonNode body) throws IOException {
        Response.Builder response = new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(status)
                .message(status == 204 ? "No Content" : "OK");
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        return response.body(ResponseBody.create(bytes, JSON_TYPE)).build();
    }
}

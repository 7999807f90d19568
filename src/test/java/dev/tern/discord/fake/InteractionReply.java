package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bot answered to one interaction the fake sent: the callback
 * ({@code POST interactions/{id}/{token}/callback}), then the edits of {@code @original} and the follow-ups, each
 * awaited with a timeout.
 */
public final class InteractionReply {

    /** Callback types (Discord's interaction response types). */
    public static final int REPLY = 4;

    public static final int DEFER_REPLY = 5;
    public static final int DEFER_UPDATE = 6;
    public static final int UPDATE_MESSAGE = 7;
    public static final int AUTOCOMPLETE_RESULT = 8;

    private final String id;
    private final String token;
    private final String channelId;
    private final List<JsonNode> callbacks = new ArrayList<>();
    private final List<JsonNode> edits = new ArrayList<>();
    private final List<JsonNode> followUps = new ArrayList<>();
    private String originalMessageId;

    InteractionReply(String id, String token, String channelId, String originalMessageId) {
        this.id = id;
        this.token = token;
        this.channelId = channelId;
        this.originalMessageId = originalMessageId;
    }

    public String id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** The channel the interaction happened in. */
    public String channelId() {
        return channelId;
    }

    /** The whole callback body, {@code {"type":N,"data":{...}}}. */
    public JsonNode awaitCallback(Duration timeout) {
        return await(callbacks, 1, timeout, "an interaction callback");
    }

    /** The callback type: {@link #REPLY}, {@link #DEFER_REPLY}, {@link #UPDATE_MESSAGE}, ... */
    public int awaitCallbackType(Duration timeout) {
        return awaitCallback(timeout).path("type").asInt();
    }

    /**
     * The content the user finally sees: the callback's {@code data} for a reply, an update or autocomplete
     * choices; for a deferred reply or update, the first PATCH of {@code @original} (awaited within the same timeout).
     */
    public JsonNode awaitResponse(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode callback = awaitCallback(timeout);
        int type = callback.path("type").asInt();
        if (type == DEFER_REPLY || type == DEFER_UPDATE) {
            return awaitEdit(1, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return callback.path("data");
    }

    /** Whether the reply (or deferral) was ephemeral: flags 64 on the callback data. */
    public boolean awaitEphemeral(Duration timeout) {
        return (awaitCallback(timeout).path("data").path("flags").asInt() & MessageStore.EPHEMERAL) != 0;
    }

    /** The {@code number}-th (from 1) PATCH body of {@code @original}. */
    public JsonNode awaitEdit(int number, Duration timeout) {
        return await(edits, number, timeout, "edit #" + number + " of @original");
    }

    /** The {@code number}-th (from 1) follow-up message body ({@code POST webhooks/{app}/{token}}). */
    public JsonNode awaitFollowUp(int number, Duration timeout) {
        return await(followUps, number, timeout, "follow-up #" + number);
    }

    public synchronized List<JsonNode> edits() {
        return List.copyOf(edits);
    }

    public synchronized List<JsonNode> followUps() {
        return List.copyOf(followUps);
    }

    /** The id of the message {@code @original} stands for, once there is one (a reply, or the clicked message). */
    public synchronized Optional<String> messageId() {
        return Optional.ofNullable(originalMessageId);
    }

    synchronized boolean acknowledged() {
        return !callbacks.isEmpty();
    }

    synchronized void callback(JsonNode body) {
        callbacks.add(body);
        notifyAll();
    }

    synchronized void edit(JsonNode body) {
        edits.add(body);
        notifyAll();
    }

    synchronized void followUp(JsonNode body) {
        followUps.add(body);
        notifyAll();
    }

    synchronized void original(String messageId) {
        originalMessageId = messageId;
    }

    private synchronized JsonNode await(List<JsonNode> list, int number, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (list.size() < number) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " for interaction " + id + " within " + timeout
                            + "; callbacks " + callbacks + ", edits " + edits + ", follow-ups " + followUps);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
        return list.get(number - 1);
    }

    @Override
    public synchronized String toString() {
        return "interaction " + id + ": callbacks " + callbacks + ", edits " + edits + ", follow-ups " + followUps;
    }
}

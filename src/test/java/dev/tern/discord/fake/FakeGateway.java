package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway side of the fake Discord: HELLO on connect, an ACK for every heartbeat, READY and GUILD_CREATE after
 * IDENTIFY (which JDA may send before HELLO arrives), then whatever events a test dispatches, with rising sequence
 * numbers per connection.
 */
final class FakeGateway extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    private static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;
    private static final int OP_DISPATCH = 0;
    private static final int OP_HEARTBEAT = 1;
    private static final int OP_IDENTIFY = 2;
    private static final int OP_HELLO = 10;
    private static final int OP_HEARTBEAT_ACK = 11;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger identifies = new AtomicInteger();
    private volatile Exception startFailure;

    FakeGateway() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Starts listening and waits until the port is bound. */
    void startAndWait() {
        start();
        try {
            if (!started.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || startFailure != null) {
                throw new IllegalStateException("fake gateway did not start", startFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the fake gateway", e);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    int identifies() {
        return identifies.get();
    }

    /** Sends the event to every connection that has received READY; returns how many got it. */
    int dispatch(String type, JsonNode data) {
        List<Session> ready = getConnections().stream()
                .map(c -> c.<Session>getAttachment())
                .filter(s -> s != null && s.ready)
                .toList();
        ready.forEach(s -> s.dispatch(type, data));
        return ready.size();
    }

    /** Ends every session that has received READY with a close code (4004: token refused); returns how many. */
    int closeSessions(int code, String reason) {
        List<WebSocket> ready = getConnections().stream()
                .filter(c -> c.<Session>getAttachment() != null && c.<Session>getAttachment().ready)
                .toList();
        ready.forEach(c -> c.close(code, reason));
        return ready.size();
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Session session = new Session(conn);
        conn.setAttachment(session);
        LOG.debug("gateway connection from {} to {}", conn.getRemoteSocketAddress(), handshake.getResourceDescriptor());
        session.send(FakeJson.object().put("op", OP_HELLO).set("d", helloData()));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Session session = conn.getAttachment();
        JsonNode frame = FakeJson.parse(message.getBytes(StandardCharsets.UTF_8));
        int op = frame.path("op").asInt(-1);
        switch (op) {
            case OP_HEARTBEAT -> session.send(FakeJson.object().put("op", OP_HEARTBEAT_ACK));
            case OP_IDENTIFY -> identify(session);
            // Never log the frame itself: IDENTIFY carries the token.
            default -> LOG.debug("gateway ignores op {}", op);
        }
    }

    private void identify(Session session) {
        int number = identifies.incrementAndGet();
        session.dispatch("READY", GatewayPayloads.ready("fake-session-" + number, url()));
        session.dispatch("GUILD_CREATE", GatewayPayloads.guildCreate());
        session.ready = true;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        LOG.debug("gateway connection closed: {} {}", code, reason);
    }

    @Override
    public void onError(WebSocket conn, Exception e) {
        if (conn == null) {
            startFailure = e;
            started.countDown();
        }
        LOG.debug("gateway error", e);
    }

    private static ObjectNode helloData() {
        return FakeJson.object().put("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS);
    }

    /** One JDA connection: its sequence numbers, and whether it has been sent READY. */
    private static final class Session {
        private final WebSocket conn;
        private int sequence;
        private volatile boolean ready;

        private Session(WebSocket conn) {
            this.conn = conn;
        }

        private synchronized void dispatch(String type, JsonNode data) {
            sequence++;
            ObjectNode frame =
                    FakeJson.object().put("op", OP_DISPATCH).put("t", type).put("s", sequence);
            frame.set("d", data);
            send(frame);
        }

        private synchronized void send(JsonNode frame) {
            if (conn.isOpen()) {
                conn.send(FakeJson.text(frame));
            }
        }
    }
}

package dev.tern.discord.fake;

import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starting and stopping a real JDA in a test, with timeouts so that a broken login fails instead of hanging. */
public final class JdaLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JdaLifecycle.class);
    /** Usually done in milliseconds; rarely JDA's close handshake stalls for 10 s, not worth waiting for in a test. */
    private static final Duration GRACEFUL_TIMEOUT = Duration.ofSeconds(3);

    private static final Duration FORCED_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private JdaLifecycle() {}

    /** A session controller that sends JDA to {@code gatewayUrl}: a plain JDABuilder never asks Discord for it. */
    public static SessionController sessionController(String gatewayUrl) {
        return new ConcurrentSessionController() {
            @Override
            public String getGateway() {
                return gatewayUrl;
            }
        };
    }

    /** Waits until the JDA is connected with its guild loaded; shuts it down and fails the test otherwise. */
    public static void awaitReady(JDA jda, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (jda.getStatus() != JDA.Status.CONNECTED) {
                JDA.Status status = jda.getStatus();
                boolean over = status == JDA.Status.SHUTDOWN || status == JDA.Status.FAILED_TO_LOGIN;
                if (over || System.nanoTime() > deadline) {
                    jda.shutdownNow();
                    throw new AssertionError("JDA did not get ready within " + timeout + "; status " + status);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
            throw new AssertionError("interrupted while waiting for JDA", e);
        }
    }

    /** {@code shutdown()} and a short {@code awaitShutdown}, then {@code shutdownNow()} if needed; null is ignored. */
    public static void shutdown(JDA jda) {
        if (jda == null) {
            return;
        }
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(GRACEFUL_TIMEOUT)) {
                LOG.warn("JDA did not shut down within {}; forcing it", GRACEFUL_TIMEOUT);
                jda.shutdownNow();
                jda.awaitShutdown(FORCED_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}

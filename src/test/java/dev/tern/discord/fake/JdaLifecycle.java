package dev.tern.discord.fake;

import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;

/** Starting and stopping a real JDA in a test, with timeouts so that a broken login fails instead of hanging. */
public final class JdaLifecycle {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
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

    /** {@code shutdown()} and {@code awaitShutdown(10 s)}, forced if it does not stop; null is ignored. */
    public static void shutdown(JDA jda) {
        if (jda == null) {
            return;
        }
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_TIMEOUT)) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}

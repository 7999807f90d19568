package dev.tern.discord.fake;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Makes the fake behave like Discord on a bad day, reproducibly from a seed: every answer comes after a random delay,
 * and now and then a message request fails with a 5xx, either before the fake acts on it or after (the message
 * exists, but the answer says it failed, as when Discord's edge times out on a request its backend took).
 */
final class Chaos {

    /** What happens to one request. */
    enum Outcome {
        NORMAL,
        /** 500 and nothing done. */
        FAIL_BEFORE,
        /** Done, then answered 500. */
        FAIL_AFTER,
        /** 503 and nothing done: JDA retries it by itself. */
        UNAVAILABLE
    }

    static final Chaos NONE = new Chaos(0, Duration.ZERO, Duration.ZERO, 0);

    private static final Pattern MESSAGES = Pattern.compile("channels/\\d+/messages(/\\d+)?");

    private final Random random;
    private final long minDelayMillis;
    private final long maxDelayMillis;
    private final double faultRate;
    private final AtomicInteger faults = new AtomicInteger();

    Chaos(long seed, Duration minDelay, Duration maxDelay, double faultRate) {
        this.random = new Random(seed);
        this.minDelayMillis = minDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.faultRate = faultRate;
    }

    /** What to do with a request: only POSTs and PATCHes of channel messages ever fail. */
    synchronized Outcome outcome(String method, String path) {
        boolean message = (method.equals("POST") || method.equals("PATCH"))
                && MESSAGES.matcher(path).matches();
        if (!message || faultRate <= 0 || random.nextDouble() >= faultRate) {
            return Outcome.NORMAL;
        }
        faults.incrementAndGet();
        return Outcome.values()[1 + random.nextInt(Outcome.values().length - 1)];
    }

    /** Waits the random delay of one answer. */
    void delay() {
        long millis;
        synchronized (this) {
            millis = maxDelayMillis <= minDelayMillis
                    ? minDelayMillis
                    : minDelayMillis + random.nextLong(maxDelayMillis - minDelayMillis + 1);
        }
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int faults() {
        return faults.get();
    }
}

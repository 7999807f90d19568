package dev.tern.source;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness towards one host: requests to the same host and port run one at a time, and the next one starts at least
 * {@code gap} after the previous one ended. Requests to different hosts never wait for each other.
 */
final class HostGate {

    private final Duration gap;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    HostGate(Duration gap, Sleeper sleeper, Clock clock) {
        if (gap.isNegative()) {
            throw new IllegalArgumentException("the gap between requests to one host must not be negative, was " + gap);
        }
        this.gap = gap;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Runs {@code call} once the host of {@code uri} is free and the gap since its last request has passed. */
    <T> T call(URI uri, Call<T> call) throws FetchException, InterruptedException {
        if (gap.isZero()) {
            return call.run();
        }
        Slot slot = slots.computeIfAbsent(key(uri), k -> new Slot());
        slot.lock.lockInterruptibly();
        try {
            if (slot.lastEnded != null) {
                Duration wait = Duration.between(clock.instant(), slot.lastEnded.plus(gap));
                if (wait.isPositive()) {
                    sleeper.sleep(wait);
                }
            }
            return call.run();
        } finally {
            slot.lastEnded = clock.instant();
            slot.lock.unlock();
        }
    }

    private static String key(URI uri) {
        String host = uri.getHost() == null ? String.valueOf(uri.getAuthority()) : uri.getHost();
        return host.toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    /** The guarded request. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws FetchException, InterruptedException;
    }

    /** One host's turn: the lock, and when its last request ended (read and written under the lock). */
    private static final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private Instant lastEnded;
    }
}

package dev.tern.source;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Http} waits before its one retry: a fixed backoff after a connection error, a timeout or a 5xx, and at
 * most {@code maxRetryAfter} when a 429 asks to wait longer.
 *
 * @param backoff the wait before retrying a connection error, a timeout or a 5xx
 * @param maxRetryAfter the longest 429 {@code Retry-After} honoured; a longer one fails the fetch
 * @param sleeper how to wait
 * @param clock reads "now" for a {@code Retry-After} given as an HTTP date
 */
public record RetryPolicy(Duration backoff, Duration maxRetryAfter, Sleeper sleeper, Clock clock) {

    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
    }

    /** One second of backoff, at most a minute of Retry-After, real sleeping. */
    public static RetryPolicy standard() {
        return new RetryPolicy(DEFAULT_BACKOFF, DEFAULT_MAX_RETRY_AFTER, Sleeper.SYSTEM, Clock.systemUTC());
    }
}

package dev.tern.config;

import java.time.Duration;

/**
 * The {@code polling} section: defaults for every source.
 *
 * @param interval how often each source is polled unless it says otherwise (default 15m)
 * @param timeout connect and request timeout for one HTTP request (default 30s)
 * @param maxBodySize the largest response body accepted, in bytes (default 32MB)
 * @param maxAge postings older than this (by postedAt) never alert; null means off (default 30d)
 * @param closeAfterMissedPolls consecutive successful polls a posting must be missing from before it closes (default 2)
 * @param confirmHeldPolls later successful polls that must find a held poll's postings gone again before they close
 *     (default 2)
 * @param alertAfterFailures failed polls in a row after which the admins are told a source is failing (default 3)
 */
public record PollingConfig(
        Duration interval,
        Duration timeout,
        long maxBodySize,
        Duration maxAge,
        int closeAfterMissedPolls,
        int confirmHeldPolls,
        int alertAfterFailures) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_SIZE = 32L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
    public static final int DEFAULT_CLOSE_AFTER_MISSED_POLLS = 2;
    public static final int DEFAULT_CONFIRM_HELD_POLLS = 2;
    public static final int DEFAULT_ALERT_AFTER_FAILURES = 3;

    public static PollingConfig defaults() {
        return new PollingConfig(
                DEFAULT_INTERVAL,
                DEFAULT_TIMEOUT,
                DEFAULT_MAX_BODY_SIZE,
                DEFAULT_MAX_AGE,
                DEFAULT_CLOSE_AFTER_MISSED_POLLS,
                DEFAULT_CONFIRM_HELD_POLLS,
                DEFAULT_ALERT_AFTER_FAILURES);
    }
}

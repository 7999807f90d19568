package dev.tern.app;

import dev.tern.config.SourceConfig;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import java.util.random.RandomGenerator;
import org.quartz.CronExpression;

/**
 * When a source is polled next: its interval (or cron) plus a little jitter after a success, and an interval that
 * doubles with each consecutive failure, up to six hours, so a broken source backs off and recovers by itself.
 */
final class NextPoll {

    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** Jitter is up to a tenth of the interval, and never more than this. */
    static final Duration MAX_JITTER = Duration.ofMinutes(2);

    private static final int JITTER_DIVISOR = 10;
    private static final int MAX_DOUBLINGS = 16;

    private final RandomGenerator random;

    NextPoll(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param source the source just polled
     * @param now when the poll ended
     * @param consecutiveFailures failures in a row so far, 0 after a success
     */
    Instant after(SourceConfig source, Instant now, int consecutiveFailures) {
        Instant regular = source.cron() != null ? nextCron(source.cron(), now) : now.plus(source.interval());
        if (consecutiveFailures == 0) {
            return regular.plus(jitter(source.interval()));
        }
        Instant backedOff = now.plus(backoff(source.interval(), consecutiveFailures));
        return backedOff.isAfter(regular) ? backedOff : regular;
    }

    /** interval x 2^failures, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(Duration interval, int consecutiveFailures) {
        int doublings = Math.min(consecutiveFailures, MAX_DOUBLINGS);
        Duration wait = interval.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private Duration jitter(Duration interval) {
        long bound = Math.min(interval.toMillis() / JITTER_DIVISOR, MAX_JITTER.toMillis());
        return bound <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(bound));
    }

    private static Instant nextCron(String cron, Instant now) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone("UTC"));
            Date next = expression.getNextValidTimeAfter(Date.from(now));
            return next == null ? now.plus(MAX_BACKOFF) : next.toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("cron expression was validated at load: " + cron, e);
        }
    }
}

package dev.tern.discord.fake;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes fresh Discord snowflakes from the clock: JDA reads creation times from ids (a reply hook expires 15 minutes
 * after its interaction id's timestamp), so ids must carry the current time.
 */
final class Snowflakes {

    private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
    private static final int TIMESTAMP_SHIFT = 22;
    private static final long INCREMENT_MASK = (1L << TIMESTAMP_SHIFT) - 1;

    private final Clock clock;
    private final AtomicLong counter = new AtomicLong();

    Snowflakes(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long increment = counter.incrementAndGet() & INCREMENT_MASK;
        return Long.toString(((clock.millis() - DISCORD_EPOCH_MILLIS) << TIMESTAMP_SHIFT) | increment);
    }
}

package dev.tern.source;

import dev.tern.config.SourceConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Builds source configs and a fast-retrying {@link Http} for adapter tests. */
public final class TestSources {

    private TestSources() {}

    /** A source of {@code type} with the given type-specific settings. */
    public static SourceConfig config(String type, String baseUrl, Map<String, Object> settings) {
        return new SourceConfig(
                "test-" + type,
                type,
                Duration.ofMinutes(15),
                null,
                null,
                baseUrl,
                SourceConfig.Classify.INTERNSHIPS,
                false,
                settings);
    }

    /** An Http with a 5 s timeout, a 32 MB cap and retries that do not really wait. */
    public static Http http(Sleeper sleeper) {
        return new Http(
                Duration.ofSeconds(5),
                32L * 1024 * 1024,
                Http.userAgent("test"),
                new RetryPolicy(Duration.ofMillis(1), Duration.ofSeconds(60), sleeper, Clock.systemUTC()));
    }
}

package dev.tern.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code sources}. Keys common to every type are fields; keys that only some types take
 * ({@code board}, {@code site}, {@code url}, ...) are in {@code settings}, already checked against the type's
 * {@link SourceTypeSpec}.
 *
 * @param id unique id, {@code [a-z0-9-]+}
 * @param type the source type ("simplify", "greenhouse", ...)
 * @param interval how often to poll; never null (the polling default applies)
 * @param cron a Quartz cron expression used instead of the interval, or null
 * @param company display-name override for every posting of this source, or null
 * @param baseUrl API base override (proxies, tests), or null
 * @param classify which postings to keep
 * @param backfill true to alert on the first poll instead of only seeding
 * @param settings type-specific keys, as scalars (String, Number, Boolean), lists or maps
 * @param term the start term the source states for postings that give none ("Summer 2026"), or null
 */
public record SourceConfig(
        String id,
        String type,
        Duration interval,
        String cron,
        String company,
        String baseUrl,
        Classify classify,
        boolean backfill,
        Map<String, Object> settings,
        String term) {

    public SourceConfig {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A source that states no start term. */
    public SourceConfig(
            String id,
            String type,
            Duration interval,
            String cron,
            String company,
            String baseUrl,
            Classify classify,
            boolean backfill,
            Map<String, Object> settings) {
        this(id, type, interval, cron, company, baseUrl, classify, backfill, settings, null);
    }

    /** A type-specific key as text, if set. */
    public Optional<String> setting(String key) {
        Object value = settings.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** A type-specific key that validation already made sure is present. */
    public String requiredSetting(String key) {
        return setting(key)
                .orElseThrow(() -> new IllegalStateException("source " + id + ": setting '" + key + "' is required"));
    }

    /** Which postings a source keeps. */
    public enum Classify {
        /** Only postings classified as internships (the default). */
        INTERNSHIPS,
        /** Every posting. */
        ALL
    }
}

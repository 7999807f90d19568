package dev.tern.store;

import dev.tern.source.CacheTags;
import java.time.Instant;

/**
 * What Tern remembers about polling one source.
 *
 * @param sourceId the configured source id
 * @param seeded whether its first successful poll has stored its postings
 * @param cacheTags validators of the last full response, for the next conditional GET
 * @param lastSuccess when a poll last succeeded, or null
 * @param lastAttempt when a poll was last tried, or null
 * @param consecutiveFailures failed polls since the last success
 * @param lastError why the last poll failed, or null
 * @param degraded whether its last poll was held as suspicious
 * @param degradedReason why it is degraded, or null
 * @param degradedSince when it became degraded, or null
 * @param nextPollAt when the scheduler means to poll it next, or null
 */
public record SourceState(
        String sourceId,
        boolean seeded,
        CacheTags cacheTags,
        Instant lastSuccess,
        Instant lastAttempt,
        int consecutiveFailures,
        String lastError,
        boolean degraded,
        String degradedReason,
        Instant degradedSince,
        Instant nextPollAt) {

    /** The state of a source that was never polled. */
    public static SourceState initial(String sourceId) {
        return new SourceState(sourceId, false, CacheTags.NONE, null, null, 0, null, false, null, null, null);
    }
}

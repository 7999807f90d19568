package dev.tern.store;

import java.time.Instant;
import java.util.List;

/**
 * What Tern remembers about polling one source.
 *
 * @param sourceId the configured source id
 * @param seeded whether its first successful poll has stored its postings
 * @param etag the ETag of the last full response, for the next conditional GET, or null
 * @param lastModified the Last-Modified of the last full response, or null
 * @param lastSuccess when a poll last succeeded, or null
 * @param lastAttempt when a poll was last tried, or null
 * @param consecutiveFailures failed polls since the last success
 * @param lastError why the last poll failed, or null
 * @param degraded whether its last poll was held as suspicious
 * @param degradedReason why it is degraded, or null
 * @param degradedSince when it became degraded (when the hold began), or null
 * @param nextPollAt when the scheduler means to poll it next, or null
 * @param heldKeys the open postings a held poll kept open, sorted; empty when nothing is held
 * @param heldConfirmations later successful polls that found exactly those postings gone again
 */
public record SourceState(
        String sourceId,
        boolean seeded,
        String etag,
        String lastModified,
        Instant lastSuccess,
        Instant lastAttempt,
        int consecutiveFailures,
        String lastError,
        boolean degraded,
        String degradedReason,
        Instant degradedSince,
        Instant nextPollAt,
        List<String> heldKeys,
        int heldConfirmations) {

    public SourceState {
        heldKeys = heldKeys == null ? List.of() : List.copyOf(heldKeys);
    }

    /** The state of a source that was never polled. */
    public static SourceState initial(String sourceId) {
        return new SourceState(sourceId, false, null, null, null, null, 0, null, false, null, null, null, List.of(), 0);
    }

    /** Whether a held poll keeps postings open until it is confirmed, cleared or accepted. */
    public boolean holding() {
        return !heldKeys.isEmpty();
    }
}

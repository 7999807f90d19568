package dev.tern.store;

import dev.tern.posting.Posting;
import java.time.Instant;

/**
 * A posting as the store holds it, with the state the reconciler diffs against.
 *
 * @param posting the stored content; {@code active} is true exactly when the status is OPEN
 * @param status open or closed
 * @param missedPolls consecutive successful polls the posting was missing from
 * @param firstSeen when Tern first stored it
 * @param lastSeen when a poll last listed it
 * @param closedAt when it closed, or null while open
 */
public record StoredPosting(
        Posting posting, PostingStatus status, int missedPolls, Instant firstSeen, Instant lastSeen, Instant closedAt) {

    public String key() {
        return posting.key();
    }

    public boolean isOpen() {
        return status == PostingStatus.OPEN;
    }
}

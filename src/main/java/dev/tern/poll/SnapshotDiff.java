package dev.tern.poll;

import dev.tern.posting.Posting;
import dev.tern.store.StoredPosting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one snapshot of a source changes against the postings stored for it. Pure: it decides, the
 * {@link Reconciler} writes.
 *
 * @param added new keys the source lists as active
 * @param addedClosed new keys the source already lists as closed: stored as closed, never announced
 * @param updated open postings whose content changed
 * @param reopened closed postings the source lists as active again
 * @param closedBySource open postings the source now lists as closed
 * @param missing open postings the snapshot does not list
 * @param refreshedClosed closed postings still listed as closed whose content changed: updated silently
 * @param seen keys of open postings listed as active (their missed-poll count resets)
 * @param listed how many distinct postings the snapshot lists, active or not
 * @param openBefore how many postings of the source were open before this snapshot
 */
record SnapshotDiff(
        List<Posting> added,
        List<Posting> addedClosed,
        List<Posting> updated,
        List<Posting> reopened,
        List<Posting> closedBySource,
        List<StoredPosting> missing,
        List<Posting> refreshedClosed,
        List<String> seen,
        int listed,
        int openBefore) {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDiff.class);

    /** The same diff for a listing known to be partial: what it does not list is not missing, only unseen. */
    SnapshotDiff partial() {
        return new SnapshotDiff(
                added,
                addedClosed,
                updated,
                reopened,
                closedBySource,
                List.of(),
                refreshedClosed,
                seen,
                listed,
                openBefore);
    }

    /** Diffs a snapshot against every stored posting (open and closed) of its source. */
    static SnapshotDiff of(Map<String, StoredPosting> stored, List<Posting> snapshot) {
        Collection<Posting> listed = distinctByKey(snapshot);
        SnapshotDiff diff = new SnapshotDiff(
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                listed.size(),
                (int) stored.values().stream().filter(StoredPosting::isOpen).count());
        Map<String, StoredPosting> unlisted = new LinkedHashMap<>(stored);
        for (Posting posting : listed) {
            diff.classify(posting, unlisted.remove(posting.key()));
        }
        unlisted.values().stream().filter(StoredPosting::isOpen).forEach(diff.missing::add);
        return diff;
    }

    /** How many postings applying this diff would close, given the misses that close a posting. */
    int closures(int closeAfterMissedPolls, Misses misses) {
        long byMisses = missing.stream()
                .filter(stored -> misses.after(stored) >= closeAfterMissedPolls)
                .count();
        return closedBySource.size() + (int) byMisses;
    }

    /**
     * The keys of every open posting this diff would close or count as missed, sorted: what a held poll keeps open
     * and what later polls must find gone again to confirm the hold.
     */
    List<String> goneKeys() {
        List<String> keys = new ArrayList<>();
        closedBySource.forEach(posting -> keys.add(posting.key()));
        missing.forEach(stored -> keys.add(stored.key()));
        keys.sort(null);
        return keys;
    }

    private void classify(Posting posting, StoredPosting stored) {
        if (stored == null) {
            (posting.active() ? added : addedClosed).add(posting);
        } else if (stored.isOpen() && posting.active()) {
            seen.add(posting.key());
            if (posting.differsFrom(stored.posting())) {
                updated.add(posting);
            }
        } else if (stored.isOpen()) {
            closedBySource.add(posting);
        } else if (posting.active()) {
            reopened.add(posting);
        } else if (posting.differsFrom(stored.posting())) {
            refreshedClosed.add(posting);
        }
    }

    private static Collection<Posting> distinctByKey(List<Posting> snapshot) {
        Map<String, Posting> byKey = new LinkedHashMap<>();
        for (Posting posting : snapshot) {
            if (byKey.putIfAbsent(posting.key(), posting) != null) {
                LOG.debug("Snapshot lists {} more than once; keeping the first", posting.key());
            }
        }
        return byKey.values();
    }
}

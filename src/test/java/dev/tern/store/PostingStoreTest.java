package dev.tern.store;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestDatabases.Vendor;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Vendor.class)
final class PostingStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(600);

    private final Database db;
    private final PostingStore store = new PostingStore();

    PostingStoreTest(Vendor vendor) {
        db = TestDatabases.fresh(vendor);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readsBackEveryFieldItStored() {
        Posting posting = posting("s1", "1")
                .locations(List.of(
                        new Location("NYC", "New York", "NY", "US", false),
                        new Location("Remote in USA", null, null, "US", true)))
                .remote(true)
                .postedAt(Instant.parse("2026-01-10T08:30:00Z"))
                .categories(List.of("Data", "ML"))
                .build();

        db.transaction(c -> run(() -> store.insert(c, posting, NOW)));
        StoredPosting stored = db.read(c -> store.find(c, "s1:1")).orElseThrow();

        assertThat(stored.posting()).isEqualTo(posting);
        assertThat(stored.status()).isEqualTo(PostingStatus.OPEN);
        assertThat(stored.firstSeen()).isEqualTo(NOW);
        assertThat(stored.missedPolls()).isZero();
    }

    @Test
    void keepsUnknownRemoteAndTermAsNull() {
        Posting posting = posting("s1", "1").remote(null).term(null).build();

        db.transaction(c -> run(() -> store.insert(c, posting, NOW)));

        Posting read = db.read(c -> store.find(c, "s1:1")).orElseThrow().posting();
        assertThat(read.remote()).isNull();
        assertThat(read.term()).isNull();
    }

    @Test
    void storesAPostingTheSourceAlreadyClosedAsClosed() {
        db.transaction(
                c -> run(() -> store.insert(c, posting("s1", "1").inactive().build(), NOW)));

        StoredPosting stored = db.read(c -> store.find(c, "s1:1")).orElseThrow();
        assertThat(stored.status()).isEqualTo(PostingStatus.CLOSED);
        assertThat(stored.closedAt()).isEqualTo(NOW);
        assertThat(db.read((Connection c) -> store.closedKeys(c, "s1"))).containsExactly("s1:1");
    }

    @Test
    void countsAndListsOpenPostingsPerSource() {
        db.transaction(c -> run(() -> {
            store.insert(c, posting("s1", "1").build(), NOW);
            store.insert(c, posting("s1", "2").build(), NOW);
            store.insert(c, posting("s1", "3").inactive().build(), NOW);
            store.insert(c, posting("s2", "1").build(), NOW);
        }));

        assertThat(db.read((Connection c) -> store.countOpen(c, "s1"))).isEqualTo(2);
        assertThat(db.read((Connection c) -> store.openPostings(c, "s1")).keySet())
                .containsExactlyInAnyOrder("s1:1", "s1:2");
        assertThat(db.read((Connection c) -> store.postingsOf(c, "s1"))).hasSize(3);
    }

    @Test
    void countsMissesClosesAndReopens() {
        Posting posting = posting("s1", "1").build();
        db.transaction(c -> run(() -> store.insert(c, posting, NOW)));

        db.transaction(c -> run(() -> store.markMissed(c, "s1:1", 1, LATER)));
        assertThat(db.read((Connection c) -> store.find(c, "s1:1"))
                        .orElseThrow()
                        .missedPolls())
                .isEqualTo(1);

        db.transaction(c -> run(() -> store.markClosed(c, "s1:1", LATER)));
        StoredPosting closed = db.read(c -> store.find(c, "s1:1")).orElseThrow();
        assertThat(closed.status()).isEqualTo(PostingStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(LATER);
        assertThat(closed.posting().active()).isFalse();

        db.transaction(c -> run(() -> store.reopen(c, posting, LATER)));
        StoredPosting reopened = db.read(c -> store.find(c, "s1:1")).orElseThrow();
        assertThat(reopened.status()).isEqualTo(PostingStatus.OPEN);
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.missedPolls()).isZero();
    }

    @Test
    void markingSeenResetsMissedPolls() {
        db.transaction(c -> run(() -> {
            store.insert(c, posting("s1", "1").build(), NOW);
            store.markMissed(c, "s1:1", 1, NOW);
            store.markSeen(c, List.of("s1:1"), LATER);
        }));

        StoredPosting stored = db.read(c -> store.find(c, "s1:1")).orElseThrow();
        assertThat(stored.missedPolls()).isZero();
        assertThat(stored.lastSeen()).isEqualTo(LATER);
    }

    @Test
    void upsertInsertsOnceThenReplacesContent() {
        boolean first = db.transaction(c -> store.upsert(c, posting("s1", "1").build(), NOW));
        boolean second = db.transaction(
                c -> store.upsert(c, posting("s1", "1").title("Data Intern").build(), LATER));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(db.read((Connection c) -> store.find(c, "s1:1"))
                        .orElseThrow()
                        .posting()
                        .title())
                .isEqualTo("Data Intern");
    }

    private static Void run(Runnable work) {
        work.run();
        return null;
    }
}

package dev.tern.store;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.Posting;
import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestDatabases.Vendor;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Vendor.class)
final class DeliveryStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);

    private final Database db;
    private final DeliveryStore store = new DeliveryStore();
    private final OutboxMessageStore messages = new OutboxMessageStore();
    private final Posting posting = posting("s1", "1").build();

    DeliveryStoreTest(Vendor vendor) {
        db = TestDatabases.fresh(vendor);
    }

    @BeforeEach
    void storePosting() {
        db.transaction(c -> {
            new PostingStore().insert(c, posting, NOW);
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void queuesAFingerprintOncePerTarget() {
        boolean first = enqueue("console");
        boolean again = enqueue("console");
        boolean otherTarget = enqueue("discord:channel/1");

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(otherTarget).isTrue();
        assertThat(db.read((Connection c) -> store.count(c, DeliveryStatus.PENDING)))
                .isEqualTo(2);
    }

    @Test
    void dueRowsCarryTheirPosting() {
        enqueue("console");

        List<PendingDelivery> due = db.read(c -> store.due(c, NOW, 10));

        assertThat(due).singleElement().satisfies(delivery -> {
            assertThat(delivery.target()).isEqualTo("console");
            assertThat(delivery.routeId()).isEqualTo("r1");
            assertThat(delivery.subscriptionId()).isNull();
            assertThat(delivery.posting()).isEqualTo(posting);
            assertThat(delivery.attempts()).isZero();
        });
    }

    @Test
    void aRowInAMessageIsNoLongerDueForGroupingAndItsTargetWaitsForThatMessage() {
        enqueue("console");
        long id = db.read(c -> store.due(c, NOW, 10)).getFirst().id();

        long message =
                db.transaction(c -> messages.form(c, "console", "tern-1", MessageLayout.ITEMS, List.of(id), NOW));
        Posting other = posting("s1", "2").build();
        db.transaction(c -> {
            new PostingStore().insert(c, other, NOW);
            return store.enqueue(c, other.fingerprint(), "console", other.key(), "r1", null, NOW);
        });

        assertThat(db.read((Connection c) -> store.due(c, LATER, 10))).isEmpty();
        assertThat(db.read((Connection c) -> store.inMessage(c, message)))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.id()).isEqualTo(id);
                    assertThat(d.closedAt()).isNull();
                });
    }

    @Test
    void dueHonoursTheLimitOldestFirst() {
        enqueue("a");
        enqueue("b");
        enqueue("c");

        assertThat(db.read((Connection c) -> store.due(c, NOW, 2)))
                .extracting(PendingDelivery::target)
                .containsExactly("a", "b");
    }

    private boolean enqueue(String target) {
        return db.transaction(c -> store.enqueue(c, posting.fingerprint(), target, posting.key(), "r1", null, NOW));
    }
}

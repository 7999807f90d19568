package dev.tern.store;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.Posting;
import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestDatabases.Vendor;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Vendor.class)
final class OutboxMessageStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final String TARGET = "discord:channel/9";
    private static final ProcessIdentity FIRST = new ProcessIdentity("host-a#11111111", 100);
    private static final ProcessIdentity SECOND = new ProcessIdentity("host-b#22222222", 200);

    private final Database db;
    private final DeliveryStore deliveries = new DeliveryStore();
    private final OutboxMessageStore store = new OutboxMessageStore();

    /**
     * H2 (2.3) skips more than the locked rows when its {@code FOR UPDATE SKIP LOCKED} reads an index: a claim that
     * overlaps another finds nothing rather than the rest. That is safe (it never takes a row another holds; the
     * rows are there for the next drain), so on H2 the tests check only that.
     */
    private final Vendor vendor;

    OutboxMessageStoreTest(Vendor vendor) {
        this.vendor = vendor;
        db = TestDatabases.fresh(vendor);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFormedMessageCarriesItsDeliveriesInOrderAndIsDue() {
        List<Long> ids = List.of(queue("3"), queue("1"), queue("2"));

        long id = form(ids.reversed());

        assertThat(db.read((Connection c) -> deliveries.inMessage(c, id)))
                .extracting(PendingDelivery::id)
                .containsExactlyElementsOf(ids.reversed());
        assertThat(db.read((Connection c) -> store.due(c, NOW, 10, Set.of())))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.nonce()).isEqualTo("tern-x" + ids.getLast());
                    assertThat(m.layout()).isEqualTo(MessageLayout.DIGEST);
                    assertThat(m.tried()).isFalse();
                });
        assertThat(db.read((Connection c) -> store.due(c, NOW, 10, Set.of(TARGET))))
                .isEmpty();
    }

    @Test
    void theFirstTryIsKeptAcrossLaterTries() {
        long id = form(List.of(queue("1")));

        db.transaction(c -> {
            store.markTried(c, id, NOW);
            store.markTried(c, id, LATER);
            return null;
        });

        assertThat(find(id).firstTriedAt()).isEqualTo(NOW);
    }

    @Test
    void sendingAMessageMarksEveryDeliveryItCarriesSentWithItsMessageId() {
        List<Long> ids = List.of(queue("1"), queue("2"));
        long id = form(ids);

        db.transaction(c -> {
            store.markSent(c, id, "chan", "msg", 0, LATER);
            return null;
        });

        assertThat(find(id).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(find(id).channelId()).isEqualTo("chan");
        assertThat(db.read((Connection c) -> store.due(c, LATER, 10, Set.of()))).isEmpty();
        assertThat(ids).allSatisfy(d -> {
            Delivery row = db.read((Connection c) -> deliveries.find(c, d)).orElseThrow();
            assertThat(row.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(row.externalMessageId()).isEqualTo("msg");
            assertThat(row.sentAt()).isEqualTo(LATER);
        });
    }

    @Test
    void aRetriedMessageIsDueAgainOnlyAtItsNextAttemptAndAFailedOneNever() {
        long retried = form(List.of(queue("1")));
        long failed = form(List.of(queue("2")));

        db.transaction(c -> {
            store.markRetry(c, retried, 1, LATER, "HTTP 500");
            store.markFailed(c, failed, "channel gone");
            return null;
        });

        assertThat(db.read((Connection c) -> store.due(c, NOW, 10, Set.of()))).isEmpty();
        assertThat(db.read((Connection c) -> store.due(c, LATER, 10, Set.of())))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.id()).isEqualTo(retried);
                    assertThat(m.attempts()).isEqualTo(1);
                    assertThat(m.lastError()).isEqualTo("HTTP 500");
                });
        assertThat(db.read((Connection c) -> deliveries.count(c, DeliveryStatus.FAILED)))
                .isEqualTo(1);
    }

    @Test
    void aClosedPostingQueuesAnEditOfEverySentMessageThatCarriesIt() {
        long sent = form(List.of(queue("1"), queue("2")));
        long other = form(List.of(queue("3")));
        db.transaction(c -> {
            store.markSent(c, sent, "chan", "msg-1", 0, NOW);
            store.markSent(c, other, "chan", "msg-2", 0, NOW);
            return store.queueEdits(c, "s1:2", LATER);
        });

        assertThat(db.read((Connection c) -> store.dueEdits(c, NOW, 10, Set.of())))
                .isEmpty();
        assertThat(db.read((Connection c) -> store.dueEdits(c, LATER, 10, Set.of())))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.id()).isEqualTo(sent);
                    assertThat(m.editsRequested()).isEqualTo(1);
                });

        db.transaction(c -> {
            store.markEdited(c, sent, 1);
            return null;
        });
        assertThat(db.read((Connection c) -> store.dueEdits(c, LATER, 10, Set.of())))
                .isEmpty();
    }

    @Test
    void aCloseWhileTheMessageWasInFlightLeavesAnEditDueOnceItIsSent() {
        long id = form(List.of(queue("1")));
        int editsSeenWhenRendered = find(id).editsRequested();
        db.transaction(c -> store.queueEdits(c, "s1:1", NOW));

        db.transaction(c -> {
            store.markSent(c, id, "chan", "msg", editsSeenWhenRendered, NOW);
            return null;
        });

        assertThat(db.read((Connection c) -> store.dueEdits(c, NOW, 10, Set.of())))
                .extracting(OutboxMessage::id)
                .containsExactly(id);
    }

    @Test
    void aMessageThatCanNoLongerBeEditedIsNeverDueAgainAndARetryWaits() {
        long gone = form(List.of(queue("1")));
        long flaky = form(List.of(queue("2")));
        db.transaction(c -> {
            store.markSent(c, gone, "chan", "msg-1", 0, NOW);
            store.markSent(c, flaky, "chan", "msg-2", 0, NOW);
            store.queueEdits(c, "s1:1", NOW);
            store.queueEdits(c, "s1:2", NOW);
            store.markUneditable(c, gone, "10008 Unknown Message");
            store.markEditRetry(c, flaky, 1, LATER, "HTTP 500");
            store.queueEdits(c, "s1:1", NOW);
            return null;
        });

        assertThat(db.read((Connection c) -> store.dueEdits(c, NOW, 10, Set.of())))
                .isEmpty();
        assertThat(db.read((Connection c) -> store.dueEdits(c, LATER, 10, Set.of())))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.id()).isEqualTo(flaky);
                    assertThat(m.editAttempts()).isEqualTo(1);
                });
    }

    @Test
    void twoProcessesClaimingAtOnceTakeDifferentTargetsEachWhole() {
        long a1 = form("discord:channel/a", queue("a1"));
        long a2 = form("discord:channel/a", queue("a2"));
        long b1 = form("discord:channel/b", queue("b1"));

        List<List<Long>> claimed = db.transaction(first -> {
            List<Long> mine = ids(store.claimDue(first, FIRST, NOW, LATER, 1, Set.of()));
            // the first claim is not committed yet: its rows are locked, and skipped rather than waited for
            List<Long> theirs = db.transaction(second -> ids(store.claimDue(second, SECOND, NOW, LATER, 10, Set.of())));
            return List.of(mine, theirs);
        });

        assertThat(claimed.get(0)).containsExactly(a1, a2);
        assertThat(claimed.get(1)).as("a's second message is not its first").isSubsetOf(b1);
        if (vendor == Vendor.POSTGRESQL) {
            assertThat(claimed.get(1)).containsExactly(b1);
        }
    }

    @Test
    void aTargetsNextMessageStaysWithTheProcessSendingItsFirst() {
        long a1 = form("discord:channel/a", queue("a1"));
        long a2 = form("discord:channel/a", queue("a2"));
        claim(FIRST, NOW);

        db.transaction(c -> {
            store.markSent(c, a1, "chan", "msg", 0, NOW);
            return null;
        });

        assertThat(claim(SECOND, NOW)).isEmpty();
        assertThat(db.transaction((Connection c) -> store.holdClaim(c, a2, FIRST, LATER)))
                .isTrue();
        assertThat(find(a1).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void anExpiredClaimIsTakenAndItsOldHolderMayNoLongerSend() {
        long a1 = form("discord:channel/a", queue("a1"));
        claim(FIRST, NOW);

        assertThat(claim(SECOND, NOW.plusSeconds(30))).isEmpty();
        assertThat(claim(SECOND, LATER)).containsExactly(a1);
        assertThat(db.transaction((Connection c) -> store.holdClaim(c, a1, FIRST, LATER)))
                .isFalse();
        assertThat(db.transaction((Connection c) -> store.holdClaim(c, a1, SECOND, LATER)))
                .isTrue();
    }

    @Test
    void aRetriedMessageIsFreeAndReleasedClaimsAreFree() {
        long a1 = form("discord:channel/a", queue("a1"));
        long b1 = form("discord:channel/b", queue("b1"));
        claim(FIRST, NOW);

        db.transaction(c -> {
            store.markRetry(c, a1, 1, NOW, "503");
            return store.releaseClaims(c, FIRST);
        });

        assertThat(claim(SECOND, NOW)).containsExactly(a1, b1);
        assertThat(db.read((Connection c) -> store.claimers(c, NOW))).containsExactly(SECOND);
    }

    @Test
    void editsAreClaimedByOneProcessAtATime() {
        long a1 = form("discord:channel/a", queue("a1"));
        long b1 = form("discord:channel/b", queue("b1"));
        db.transaction(c -> {
            store.markSent(c, a1, "chan", "m1", 0, NOW);
            store.markSent(c, b1, "chan", "m2", 0, NOW);
            store.queueEdits(c, "s1:a1", NOW);
            return store.queueEdits(c, "s1:b1", NOW);
        });

        List<List<Long>> claimed = db.transaction(first -> {
            List<Long> mine = ids(store.claimDueEdits(first, FIRST, NOW, LATER, 1, Set.of()));
            List<Long> theirs =
                    db.transaction(second -> ids(store.claimDueEdits(second, SECOND, NOW, LATER, 10, Set.of())));
            return List.of(mine, theirs);
        });

        assertThat(claimed.get(0)).containsExactly(a1);
        assertThat(claimed.get(1)).isSubsetOf(b1);
        if (vendor == Vendor.POSTGRESQL) {
            assertThat(claimed.get(1)).containsExactly(b1);
        }
        assertThat(db.transaction((Connection c) -> ids(store.claimDueEdits(c, SECOND, NOW, LATER, 10, Set.of()))))
                .as("the first process's claim holds")
                .containsExactly(b1);
    }

    private List<Long> claim(ProcessIdentity claimer, Instant now) {
        return db.transaction(c -> ids(store.claimDue(c, claimer, now, now.plusSeconds(60), 10, Set.of())));
    }

    private static List<Long> ids(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).toList();
    }

    private long form(String target, long delivery) {
        return db.transaction(c -> store.form(
                c, target, "tern-" + target.hashCode() + "-" + delivery, MessageLayout.ITEMS, List.of(delivery), NOW));
    }

    private long form(List<Long> ids) {
        return db.transaction(c -> store.form(c, TARGET, "tern-x" + ids.getFirst(), MessageLayout.DIGEST, ids, NOW));
    }

    private OutboxMessage find(long id) {
        return db.read((Connection c) -> store.find(c, id)).orElseThrow();
    }

    private long queue(String externalId) {
        Posting p = posting("s1", externalId).build();
        return db.transaction(c -> {
            new PostingStore().insert(c, p, NOW);
            deliveries.enqueue(c, p.fingerprint(), TARGET, p.key(), "r", null, NOW);
            return deliveries.forPosting(c, p.key()).getFirst().id();
        });
    }
}

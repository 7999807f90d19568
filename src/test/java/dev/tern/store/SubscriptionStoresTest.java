package dev.tern.store;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.store.SubscriptionStore.NewSubscription;
import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestDatabases.Vendor;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Vendor.class)
final class SubscriptionStoresTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private final Database db;
    private final SubscriptionStore subscriptions = new SubscriptionStore();
    private final DiscordUserStore users = new DiscordUserStore();
    private final TargetStore targets = new TargetStore();
    private final PostingStore postings = new PostingStore();

    SubscriptionStoresTest(Vendor vendor) {
        db = TestDatabases.fresh(vendor);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migrationCreatesTheSubscriptionTables() {
        List<String> tables = db.read((Connection c) -> {
            List<String> names = new ArrayList<>();
            try (var rows = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    names.add(rows.getString("TABLE_NAME").toLowerCase());
                }
            }
            return names;
        });

        assertThat(tables).contains("subscriptions", "discord_users", "broken_targets");
    }

    @Test
    void storesAndFindsASubscriptionAndRefusesTheSameFilterTwiceForOneTarget() {
        long id = insert("u1", "key-a", "discord:user/u1");

        StoredSubscription stored =
                db.read((Connection c) -> subscriptions.find(c, id)).orElseThrow();
        assertThat(stored.userId()).isEqualTo("u1");
        assertThat(stored.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(db.read((Connection c) -> subscriptions.findSame(c, "u1", "key-a", "discord:user/u1")))
                .map(StoredSubscription::id)
                .contains(id);
        assertThat(insert("u1", "key-a", "discord:channel/9")).isNotEqualTo(id);
        assertThatThrownBy(() -> insert("u1", "key-a", "discord:user/u1")).isInstanceOf(StoreException.class);
    }

    @Test
    void deletesOnlyTheOwnersSubscription() {
        long id = insert("u1", "k", "discord:user/u1");

        assertThat(db.transaction((Connection c) -> subscriptions.delete(c, "u2", id)))
                .isFalse();
        assertThat(db.transaction((Connection c) -> subscriptions.delete(c, "u1", id)))
                .isTrue();
        assertThat(db.read((Connection c) -> subscriptions.countOfUser(c, "u1")))
                .isZero();
    }

    @Test
    void brokenTargetsTakeTheirSubscriptionsOutOfTheActiveOnes() {
        insert("u1", "k1", "discord:channel/7");
        long dm = insert("u1", "k2", "discord:user/u1");

        db.transaction((Connection c) -> subscriptions.markBroken(c, "discord:channel/7"));

        assertThat(db.read(subscriptions::active))
                .extracting(StoredSubscription::id)
                .containsExactly(dm);
        assertThat(db.read((Connection c) -> subscriptions.count(c, SubscriptionStatus.BROKEN)))
                .isEqualTo(1);
    }

    @Test
    void brokenTargetKeepsItsFirstTimeAndTakesTheNewestReason() {
        db.transaction((Connection c) -> {
            targets.markBroken(c, "discord:channel/7", "Unknown Channel", NOW);
            targets.markBroken(c, "discord:channel/7", "Missing Access", NOW.plusSeconds(60));
            return null;
        });

        assertThat(db.read(targets::all)).containsExactly(new BrokenTarget("discord:channel/7", "Missing Access", NOW));
        assertThat(db.transaction((Connection c) -> targets.clear(c, "discord:channel/7")))
                .isTrue();
        assertThat(db.read(targets::targets)).isEmpty();
    }

    @Test
    void userPauseSkipsAndNoticeTakenOnce() {
        db.transaction((Connection c) -> {
            users.pause(c, "u1", null, true, true);
            users.addSkip(c, "u1");
            users.addSkip(c, "u1");
            users.setNotice(c, "u1", "hello");
            return null;
        });

        assertThat(db.read((Connection c) -> users.get(c, "u1").pausedAt(NOW))).isTrue();
        assertThat(db.transaction((Connection c) -> users.takeNotice(c, "u1"))).contains("hello");
        assertThat(db.transaction((Connection c) -> users.takeNotice(c, "u1"))).isEmpty();
        assertThat(db.transaction((Connection c) -> users.resume(c, "u1"))).isEqualTo(2);
        assertThat(db.read((Connection c) -> users.get(c, "u1")))
                .isEqualTo(new DiscordUser("u1", null, false, 0, null));
    }

    @Test
    void openPostingsComeNewestFirstWithCompaniesAndLocations() {
        Posting old = posting("s1", "old")
                .company("Jane Street")
                .postedAt(NOW.minusSeconds(7200))
                .build();
        Posting young = posting("s1", "new")
                .company("Stripe")
                .postedAt(NOW.minusSeconds(60))
                .build();
        Posting closed = posting("s1", "closed")
                .company("Closed Corp")
                .locations(List.of(new Location("Oslo", "Oslo", null, "NO", false)))
                .inactive()
                .build();
        db.transaction((Connection c) -> {
            List.of(old, young, closed).forEach(p -> postings.insert(c, p, NOW));
            return null;
        });

        List<String> keys = new ArrayList<>();
        db.read((Connection c) -> {
            postings.forEachOpen(c, p -> keys.add(p.key()));
            return null;
        });

        assertThat(keys).containsExactly("s1:new", "s1:old");
        assertThat(db.read((Connection c) -> postings.openCompanies(c, "STR", 10)))
                .containsExactly("Jane Street", "Stripe");
        assertThat(db.read((Connection c) -> postings.openCompanies(c, "_", 10)))
                .isEmpty();
        assertThat(db.read(postings::openLocations)).extracting(Location::city).containsExactly("Singapore");
        assertThat(db.read(postings::countAllOpen)).isEqualTo(2);
    }

    @Test
    void dueDeliveriesCanLeaveTargetsOut() {
        Posting p = posting("s1", "1").build();
        DeliveryStore deliveries = new DeliveryStore();
        db.transaction((Connection c) -> {
            postings.insert(c, p, NOW);
            deliveries.enqueue(c, p.fingerprint(), "discord:user/1", p.key(), null, "1", NOW);
            deliveries.enqueue(c, p.fingerprint(), "console", p.key(), "r", null, NOW);
            return null;
        });

        assertThat(db.read((Connection c) -> deliveries.due(c, NOW, 10, Set.of("discord:user/1"))))
                .extracting(PendingDelivery::target)
                .containsExactly("console");
    }

    private long insert(String user, String key, String target) {
        NewSubscription row = new NewSubscription(user, "g1", "c1", target, "{}", key, null);
        return db.transaction((Connection c) -> subscriptions.insert(c, row, NOW));
    }
}

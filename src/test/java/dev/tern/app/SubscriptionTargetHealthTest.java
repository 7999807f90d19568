package dev.tern.app;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.DiscordConfig;
import dev.tern.config.FilterConfig;
import dev.tern.config.PollingConfig;
import dev.tern.config.RouteConfig;
import dev.tern.config.StorageConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.DeliveryException.Kind;
import dev.tern.deliver.DeliveryListener;
import dev.tern.deliver.DeliveryWorker;
import dev.tern.deliver.Notifier;
import dev.tern.deliver.Receipt;
import dev.tern.match.LiveSubscriptions;
import dev.tern.match.SubscribeResult;
import dev.tern.match.Subscription;
import dev.tern.match.SubscriptionService;
import dev.tern.match.UserSubscription;
import dev.tern.posting.Posting;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.NoticeStore;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.PostingStore;
import dev.tern.store.ProcessIdentity;
import dev.tern.store.Stores;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestDatabases;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class SubscriptionTargetHealthTest {

    private static final String USER = "7";

    private final Database db = TestDatabases.fresh();
    private final MutableClock clock = MutableClock.fixed();
    private final LiveSubscriptions live = LiveSubscriptions.load(db, Stores.create(), List.of());
    private final SubscriptionService service =
            new SubscriptionService(db, Stores.create(), clock, live, DiscordConfig.disabled(), List.of());
    private final DeliveryWorker worker = new DeliveryWorker(
            db,
            new DeliveryStore(),
            new OutboxMessageStore(),
            List.of(new DiscordLike()),
            clock,
            new SubscriptionTargetHealth(service, List.of(), db, new NoticeStore(), clock),
            DeliveryListener.NONE,
            ProcessIdentity.THIS);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aGoneChannelBreaksItsSubscriptionAndTakesItOutOfTheIndex() {
        long here = subscribe(true);
        long dm = subscribe(false);
        queue("1", "discord:channel/c");

        worker.drain();

        assertThat(service.list(USER))
                .filteredOn(UserSubscription::broken)
                .extracting(UserSubscription::id)
                .containsExactly(here);
        assertThat(live.index().get().matching(posting("s1", "2").build()))
                .extracting(Subscription::subscriptionId)
                .containsExactly(String.valueOf(dm));
        assertThat(service.status().brokenTargets()).singleElement().satisfies(b -> assertThat(b.reason())
                .isEqualTo("10003 Unknown Channel"));
    }

    @Test
    void aBrokenTargetIsToldToTheAdminsOnceThoughEveryQueuedMessageFails() {
        subscribe(true);
        queue("1", "discord:channel/c");
        worker.drain();
        queue("2", "discord:channel/c");
        queue("3", "discord:channel/c");

        worker.drain();
        worker.drain();

        int told = db.read((Connection c) -> {
            try (var statement = c.createStatement();
                    var rows =
                            statement.executeQuery("SELECT COUNT(*) FROM admin_notices WHERE kind = 'TARGET_BROKEN'")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertThat(told).isEqualTo(1);
        assertThat(service.status().brokenTargets()).hasSize(1);
    }

    @Test
    void closedDmsPauseTheUserAndTheNoticeIsTakenOnce() {
        long dm = subscribe(false);
        queue("1", "discord:user/" + USER);

        worker.drain();

        assertThat(service.list(USER)).singleElement().satisfies(s -> assertThat(s.paused())
                .isTrue());
        assertThat(service.takeNotice(USER))
                .hasValueSatisfying(notice -> assertThat(notice).contains("subscription " + dm + " is paused"));
        assertThat(service.takeNotice(USER)).isEmpty();
    }

    @Test
    void servicesWireTheRoutesAndTheSubscriptionService() {
        RouteConfig route = new RouteConfig("all", "console", FilterConfig.any());
        TernConfig config =
                new TernConfig(StorageConfig.defaults(), PollingConfig.defaults(), List.of(), List.of(route), null);
        StorageConfig memory = new StorageConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");

        try (Services services = Services.open(config, memory, clock, List.of())) {
            services.subscriptions()
                    .subscribe(USER, "g", "c", false, new FilterConfig("intern", null, null, null, null, null, true));

            assertThat(config.discord().enabled()).isFalse();
            assertThat(services.live()
                            .index()
                            .get()
                            .matching(posting("s1", "1").title("Intern").build()))
                    .extracting(Subscription::target)
                    .containsExactly("console", "discord:user/" + USER);
        }
    }

    private long subscribe(boolean here) {
        FilterConfig filter = new FilterConfig("software", null, null, null, null, null, true);
        return ((SubscribeResult.Created) service.subscribe(USER, "g", "c", here, filter)).id();
    }

    private void queue(String id, String target) {
        Posting p = posting("s1", id).build();
        db.transaction((Connection c) -> {
            new PostingStore().insert(c, p, clock.instant());
            return new DeliveryStore().enqueue(c, p.fingerprint(), target, p.key(), null, "1", clock.instant());
        });
    }

    /** Fails as Discord does for a deleted channel and for a user with closed DMs. */
    private static final class DiscordLike implements Notifier {
        @Override
        public boolean handles(String target) {
            return target.startsWith("discord:");
        }

        @Override
        public Receipt send(AlertMessage message) throws DeliveryException {
            if (message.target().startsWith("discord:channel/")) {
                throw DeliveryException.permanent(Kind.TARGET_GONE, "10003 Unknown Channel");
            }
            throw DeliveryException.permanent(Kind.RECIPIENT_CLOSED, "50007 Cannot send messages to this user");
        }
    }
}

package dev.tern.poll;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.DiscordConfig;
import dev.tern.config.FilterConfig;
import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.match.LiveSubscriptions;
import dev.tern.match.Matcher;
import dev.tern.match.ResumeResult;
import dev.tern.match.SubscribeResult;
import dev.tern.match.SubscriptionService;
import dev.tern.posting.Posting;
import dev.tern.source.CacheTags;
import dev.tern.store.Database;
import dev.tern.store.Delivery;
import dev.tern.store.DeliveryStore;
import dev.tern.store.Stores;
import dev.tern.testing.MutableClock;
import dev.tern.testing.PollPipeline;
import dev.tern.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A paused user's matches are counted, not queued, through a real poll; /resume reports them. */
final class PausedSubscriptionsTest {

    private static final String USER = "42";

    private final Database db = TestDatabases.fresh();
    private final MutableClock clock = MutableClock.fixed();
    private final LiveSubscriptions live = LiveSubscriptions.load(db, Stores.create(), List.of());
    private final SubscriptionService service =
            new SubscriptionService(db, Stores.create(), clock, live, DiscordConfig.disabled(), List.of());
    private final Reconciler reconciler = PollPipeline.of(
                    db, new Matcher(live.index()), clock, PollingConfig.defaults())
            .reconciler();
    private final SourceConfig source = ReconcilerTest.source("s1", false);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPausedUserGetsNoDeliveryAndResumeSaysHowManyWereSkipped() {
        long id = subscribe(false);
        poll(intern("seed"));
        service.pause(USER, null);

        poll(
                intern("seed"),
                intern("1"),
                intern("2"),
                posting("s1", "3").title("Sales Associate").build());

        assertThat(deliveriesOf("s1:1")).isEmpty();
        assertThat(deliveriesOf("s1:2")).isEmpty();
        assertThat(service.resume(USER)).isEqualTo(new ResumeResult(true, 2, 1));

        poll(intern("seed"), intern("1"), intern("2"), intern("4"));
        assertThat(deliveriesOf("s1:4")).singleElement().satisfies(d -> assertThat(d.subscriptionId())
                .isEqualTo(String.valueOf(id)));
        assertThat(service.resume(USER).skipped()).isZero();
    }

    @Test
    void twoPausedSubscriptionsToOneTargetSkipOncePerPosting() {
        subscribe(false);
        service.subscribe(USER, "g", "c", false, keywords("intern"));
        poll(intern("seed"));
        service.pause(USER, null);

        poll(intern("seed"), intern("1"));

        assertThat(service.resume(USER).skipped()).isEqualTo(1);
    }

    @Test
    void aTimedPauseEndsByItself() {
        subscribe(false);
        poll(intern("seed"));
        service.pause(USER, Duration.ofMinutes(20));

        poll(intern("seed"), intern("1"));
        poll(intern("seed"), intern("1"), intern("2"));

        assertThat(deliveriesOf("s1:1")).isEmpty();
        assertThat(deliveriesOf("s1:2")).hasSize(1);
    }

    @Test
    void closedDmsSkipOnlyTheDmSubscription() {
        subscribe(false);
        subscribe(true);
        poll(intern("seed"));
        service.pauseForClosedDms("discord:user/" + USER, "Cannot send messages to this user");

        poll(intern("seed"), intern("1"));

        assertThat(deliveriesOf("s1:1")).extracting(Delivery::target).containsExactly("discord:channel/c");
        assertThat(service.resume(USER).skipped()).isEqualTo(1);
    }

    private long subscribe(boolean here) {
        SubscribeResult result = service.subscribe(USER, "g", "c", here, keywords("software"));
        return ((SubscribeResult.Created) result).id();
    }

    private static FilterConfig keywords(String keywords) {
        return new FilterConfig(keywords, null, null, null, null, FilterConfig.RemoteMode.ANY, true);
    }

    private static Posting intern(String id) {
        return posting("s1", id).build();
    }

    private void poll(Posting... postings) {
        clock.advance(Duration.ofMinutes(15));
        reconciler.reconcile(source, PollPipeline.complete(List.of(postings)), CacheTags.NONE, 1, false);
    }

    private List<Delivery> deliveriesOf(String key) {
        return db.read((Connection c) -> new DeliveryStore().forPosting(c, key));
    }
}

package dev.tern.poll;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.FilterConfig;
import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.match.Filter;
import dev.tern.match.Matcher;
import dev.tern.match.QueryException;
import dev.tern.match.Subscription;
import dev.tern.match.SubscriptionIndex;
import dev.tern.poll.PollEvent.AlertQueued;
import dev.tern.poll.PollEvent.Change;
import dev.tern.poll.PollEvent.PostingChanged;
import dev.tern.poll.PollEvent.SourceFailed;
import dev.tern.poll.PollEvent.SourcePolled;
import dev.tern.poll.PollEvent.SourceSeeded;
import dev.tern.poll.PollEvent.SourceSuspicious;
import dev.tern.posting.Posting;
import dev.tern.source.CacheTags;
import dev.tern.store.AdminNotice;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStatus;
import dev.tern.store.DeliveryStore;
import dev.tern.store.NoticeStore;
import dev.tern.store.PostingStore;
import dev.tern.store.SourceState;
import dev.tern.testing.MutableClock;
import dev.tern.testing.PollPipeline;
import dev.tern.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ReconcilerTest {

    private static final long MILLIS = 42;
    private static final CacheTags TAGS = new CacheTags("\"v1\"", null);

    private final Database db = TestDatabases.fresh();
    private final MutableClock clock = MutableClock.fixed();
    private final PollPipeline pipeline = PollPipeline.of(db, consoleRoute(), clock, PollingConfig.defaults());
    private final Reconciler reconciler = pipeline.reconciler();
    private final SourceStates states = pipeline.states();
    private final SourceConfig s1 = source("s1", false);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void firstPollOnlySeedsAndQueuesNothing() {
        List<PollEvent> events = poll(
                s1,
                active("1"),
                active("2"),
                active("3"),
                posting("s1", "4").inactive().build());

        assertThat(events).containsExactly(new SourceSeeded("s1", 3));
        assertThat(pending()).isZero();
        assertThat(open("s1")).isEqualTo(3);
        assertThat(states.state("s1").seeded()).isTrue();
    }

    @Test
    void backfillAlertsOnTheFirstPoll() {
        List<PollEvent> events = poll(source("s1", true), active("1"), active("2"));

        assertThat(events)
                .containsExactly(
                        new PostingChanged("s1", Change.NEW, active("1")),
                        new PostingChanged("s1", Change.NEW, active("2")),
                        alert("s1:1"),
                        alert("s1:2"),
                        polled(2, 2, 0, 0, 0));
        assertThat(pending()).isEqualTo(2);
    }

    @Test
    void aNewPostingIsAnnouncedAndAlertedOnce() {
        poll(s1, active("1"), active("2"));

        List<PollEvent> events = poll(s1, active("1"), active("2"), active("3"));

        assertThat(events)
                .containsExactly(
                        new PostingChanged("s1", Change.NEW, active("3")), alert("s1:3"), polled(3, 1, 0, 0, 0));
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void anUnchangedRepollHasNoPostingEvents() {
        poll(s1, active("1"), active("2"));
        poll(s1, active("1"), active("2"), active("3"));

        List<PollEvent> events = poll(s1, active("1"), active("2"), active("3"));

        assertThat(events).containsExactly(polled(3, 0, 0, 0, 0));
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void anUpdatedPostingIsAnnouncedButNotAlerted() {
        poll(s1, active("1"), active("2"));
        Posting renamed = posting("s1", "1").title("Machine Learning Intern").build();

        List<PollEvent> events = poll(s1, renamed, active("2"));

        assertThat(events).containsExactly(new PostingChanged("s1", Change.UPDATED, renamed), polled(2, 0, 1, 0, 0));
        assertThat(pending()).isZero();
        assertThat(stored("s1:1").title()).isEqualTo("Machine Learning Intern");
    }

    @Test
    void aPostingTheSourceMarksInactiveClosesAtOnce() {
        poll(s1, active("1"), active("2"), active("3"));
        Posting closed = posting("s1", "1").inactive().build();

        List<PollEvent> events = poll(s1, closed, active("2"), active("3"));

        assertThat(events).containsExactly(new PostingChanged("s1", Change.CLOSED, closed), polled(2, 0, 0, 1, 0));
        assertThat(stored("s1:1").active()).isFalse();
    }

    @Test
    void aReactivatedPostingReopensAndAlerts() {
        poll(s1, active("1"), active("2"), posting("s1", "3").inactive().build());

        List<PollEvent> events = poll(s1, active("1"), active("2"), active("3"));

        assertThat(events)
                .containsExactly(
                        new PostingChanged("s1", Change.REOPENED, active("3")), alert("s1:3"), polled(3, 0, 0, 0, 1));
        assertThat(stored("s1:3").active()).isTrue();
    }

    @Test
    void aMissingPostingClosesOnlyAfterTwoConsecutiveMissedPolls() {
        poll(s1, active("1"), active("2"), active("3"));

        List<PollEvent> firstMiss = poll(s1, active("2"), active("3"));
        List<PollEvent> secondMiss = poll(s1, active("2"), active("3"));

        assertThat(firstMiss).containsExactly(polled(3, 0, 0, 0, 0));
        assertThat(secondMiss)
                .containsExactly(new PostingChanged("s1", Change.CLOSED, active("1")), polled(2, 0, 0, 1, 0));
    }

    @Test
    void aPostingListedAgainStartsCountingMissesAfresh() {
        poll(s1, active("1"), active("2"), active("3"));
        poll(s1, active("2"), active("3"));
        poll(s1, active("1"), active("2"), active("3"));

        List<PollEvent> missedOnceMore = poll(s1, active("2"), active("3"));

        assertThat(missedOnceMore).containsExactly(polled(3, 0, 0, 0, 0));
    }

    @Test
    void aFailedPollClosesNothingAndCountsTheFailure() {
        poll(s1, active("1"), active("2"), active("3"));
        poll(s1, active("2"), active("3"));

        List<PollEvent> first = states.recordFailure(s1, "HTTP 500 from https://example.com", false);
        states.recordFailure(s1, "timeout", false);

        assertThat(first).containsExactly(new SourceFailed("s1", "HTTP 500 from https://example.com"));
        assertThat(open("s1")).isEqualTo(3);
        SourceState state = states.state("s1");
        assertThat(state.consecutiveFailures()).isEqualTo(2);
        assertThat(state.lastError()).isEqualTo("timeout");
        assertThat(states.cacheTags("s1")).isEqualTo(TAGS);
    }

    @Test
    void aPollThatWouldCloseMoreThanHalfIsHeldAsSuspicious() {
        poll(s1, active("1"), active("2"), active("3"), active("4"));

        List<PollEvent> events = poll(s1, inactive("1"), inactive("2"), inactive("3"), active("4"), active("5"));

        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isEqualTo(new PostingChanged("s1", Change.NEW, active("5")));
        assertThat(events.get(1)).isEqualTo(alert("s1:5"));
        assertThat(events.get(2))
                .isInstanceOfSatisfying(SourceSuspicious.class, suspicious -> assertThat(suspicious.reason())
                        .contains("3 of 4"));
        assertThat(events.get(3)).isEqualTo(polled(5, 1, 0, 0, 0));
        assertThat(open("s1")).isEqualTo(5);
        assertThat(states.state("s1").degraded()).isTrue();
        assertThat(states.cacheTags("s1").isEmpty()).isTrue();
    }

    @Test
    void aHeldPollWithAsManyNewPostingsAsVanishedOnesStoresThemWithoutAlerting() {
        poll(s1, active("1"), active("2"), active("3"), active("4"));

        List<PollEvent> held = poll(s1, active("a"), active("b"), active("c"), active("d"));

        assertThat(pending()).isZero();
        assertThat(held).noneMatch(AlertQueued.class::isInstance);
        assertThat(missedPolls("s1:1")).isZero();
        assertThat(held).hasAtLeastOneElementOfType(SourceSuspicious.class);
        assertThat(held.stream().filter(SourceSuspicious.class::isInstance).map(e -> ((SourceSuspicious) e).reason()))
                .singleElement()
                .asString()
                .contains("stored without alerts");
        assertThat(open("s1")).isEqualTo(8);
    }

    @Test
    void aListingCutShortCountsNoMissesButStillAddsAndClosesWhatItSays() {
        poll(s1, active("1"), active("2"), active("3"), active("4"));

        List<PollEvent> first = reconciler.reconcile(
                s1, new Listing(List.of(active("1"), inactive("2"), active("5")), 3, false), TAGS, 0, false);
        List<PollEvent> second =
                reconciler.reconcile(s1, new Listing(List.of(active("1"), active("5")), 2, false), TAGS, 0, false);

        assertThat(first).contains(new PostingChanged("s1", Change.NEW, active("5")));
        assertThat(first).contains(new PostingChanged("s1", Change.CLOSED, inactive("2")));
        assertThat(second).noneMatch(e -> e instanceof PostingChanged p && p.change() == Change.CLOSED);
        assertThat(missedPolls("s1:3")).isZero();
        assertThat(open("s1")).isEqualTo(4);
    }

    @Test
    void aSmallBoardCanCloseItsOnlyPostingsAndABoardWithNoInternshipLeftIsNotEmpty() {
        poll(s1, active("1"), active("2"));
        List<Posting> none = List.of();
        reconciler.reconcile(s1, new Listing(none, 40, true), TAGS, 0, false);

        List<PollEvent> second = reconciler.reconcile(s1, new Listing(none, 40, true), TAGS, 0, false);

        assertThat(second).noneMatch(SourceSuspicious.class::isInstance);
        assertThat(open("s1")).isZero();
        assertThat(states.state("s1").degraded()).isFalse();
    }

    @Test
    void aHeldPollDoesNotCountMisses() {
        poll(s1, active("1"), active("2"), active("3"), active("4"));
        List<PollEvent> firstMiss = poll(s1, active("1"));

        List<PollEvent> held = poll(s1, active("1"));

        assertThat(firstMiss).containsExactly(polled(4, 0, 0, 0, 0));
        assertThat(held).hasAtLeastOneElementOfType(SourceSuspicious.class);
        assertThat(missedPolls("s1:2")).isEqualTo(1);
        assertThat(open("s1")).isEqualTo(4);
    }

    @Test
    void aNormalPollAfterAHeldOneClearsTheHoldAndClosesNothing() {
        poll(s1, active("1"), active("2"), active("3"), active("4"));
        poll(s1, inactive("1"), inactive("2"), inactive("3"), active("4"));

        List<PollEvent> normal = poll(s1, active("1"), active("2"), active("3"), active("4"));

        assertThat(normal).containsExactly(new PollEvent.HoldCleared("s1", 3, 0), polled(4, 0, 0, 0, 0));
        assertThat(notices())
                .extracting(AdminNotice::kind)
                .containsExactly(AdminNotice.Kind.SOURCE_HELD, AdminNotice.Kind.HOLD_CLEARED);
        assertThat(notices().getLast().message()).contains("The 3 held posting(s) are listed again and stay open.");
        SourceState state = states.state("s1");
        assertThat(state.holding()).isFalse();
        assertThat(state.degraded()).isFalse();
        assertThat(state.degradedReason()).isNull();
        assertThat(states.cacheTags("s1")).isEqualTo(TAGS);
    }

    @Test
    void aNormalPollThatStillMissesHeldPostingsEndsTheHoldAndTheUsualRuleClosesThem() {
        poll(s1, active("1"), active("2"), active("3"), active("4"), active("5"), active("6"));
        poll(s1, active("1"), active("2"));
        poll(s1, active("1"), active("2"));
        assertThat(states.state("s1").heldKeys()).hasSize(4);

        // the board partly recovers: 2 of the 4 held are back, so fewer than half of 6 are missing
        List<PollEvent> partly = poll(s1, active("1"), active("2"), active("3"), active("4"));

        assertThat(partly).contains(new PollEvent.HoldCleared("s1", 4, 2));
        assertThat(partly)
                .as("missed before the hold, by the held poll and now: closed as any posting missed that often")
                .filteredOn(PostingChanged.class::isInstance)
                .map(event -> ((PostingChanged) event).change() + " "
                        + ((PostingChanged) event).posting().key())
                .containsExactlyInAnyOrder("CLOSED s1:5", "CLOSED s1:6");
        assertThat(open("s1")).isEqualTo(4);
        assertThat(states.state("s1").holding()).isFalse();
        AdminNotice ended = notices().getLast();
        assertThat(ended.kind()).isEqualTo(AdminNotice.Kind.HOLD_CONFIRMED);
        assertThat(ended.message())
                .contains("2 are listed again and stay open")
                .contains("2 are still not listed: 2 closed now")
                .doesNotContain("nothing closed");
    }

    @Test
    void aPollAfterAnEmptyListingThatMissesMostPostingsIsHeldAgainNotClosed() {
        List<Posting> all = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            all.add(active(String.valueOf(i)));
        }
        poll(s1, all.toArray(Posting[]::new));
        poll(s1);
        assertThat(states.state("s1").heldKeys()).hasSize(10);

        // 6 of the 10 are still not listed: with the held poll they count two misses, which would close them,
        // so the poll would close more than half of the board and is held like any such poll
        List<PollEvent> partly = poll(s1, all.subList(0, 4).toArray(Posting[]::new));

        assertThat(partly).hasAtLeastOneElementOfType(SourceSuspicious.class);
        assertThat(partly).noneMatch(PostingChanged.class::isInstance);
        assertThat(open("s1")).isEqualTo(10);
        assertThat(states.state("s1").heldKeys()).hasSize(6);
    }

    @Test
    void aHoldOfAnEmptyListingSaysItWaitsForTheSourceOrAnAdmin() {
        poll(s1, active("1"), active("2"), active("3"));

        poll(s1);

        AdminNotice held = notices().getLast();
        assertThat(held.kind()).isEqualTo(AdminNotice.Kind.SOURCE_HELD);
        assertThat(held.message())
                .contains("until the source lists postings again")
                .contains("`tern accept s1`")
                .contains("Accept button")
                .doesNotContain("more poll(s) that agree");
        assertThat(held.subject()).as("the hold's identity").isEqualTo(SourceStates.holdId(clock.instant()));
    }

    @Test
    void aHoldNobodyEndsIsToldAgainOnceADay() {
        poll(s1, active("1"), active("2"), active("3"));
        poll(s1);
        Instant began = clock.instant();

        for (int i = 0; i < 4 * 24 * 2; i++) { // two days of polls every 15 minutes
            poll(s1);
        }

        List<AdminNotice> told = notices();
        assertThat(told).extracting(AdminNotice::kind).containsOnly(AdminNotice.Kind.SOURCE_HELD);
        assertThat(told).hasSize(3);
        assertThat(told.get(1).message()).startsWith("Still held after 1 day(s), since " + began);
        assertThat(told.get(2).message()).startsWith("Still held after 2 day(s)");
        assertThat(told).extracting(AdminNotice::subject).containsOnly(SourceStates.holdId(began));
    }

    @Test
    void anEmptySnapshotWhileOpenPostingsExistIsSuspicious() {
        poll(s1, active("1"));

        List<PollEvent> events = poll(s1);

        assertThat(events).hasSize(2).first().isInstanceOfSatisfying(SourceSuspicious.class, suspicious -> assertThat(
                        suspicious.reason())
                .contains("no postings"));
        assertThat(events.get(1)).isEqualTo(polled(1, 0, 0, 0, 0));
        assertThat(states.state("s1").degradedReason()).contains("no postings");
    }

    @Test
    void theSameJobOnTwoSourcesAlertsOncePerTarget() {
        SourceConfig s2 = source("s2", false);
        poll(s1);
        poll(s2);
        Posting onS1 =
                posting("s1", "a").fingerprint("https://acme.example/jobs/7").build();
        Posting onS2 =
                posting("s2", "b").fingerprint("https://acme.example/jobs/7").build();

        List<PollEvent> first = poll(s1, onS1);
        List<PollEvent> second = poll(s2, onS2);

        assertThat(first).contains(alert("s1:a"));
        assertThat(second)
                .containsExactly(
                        new PostingChanged("s2", Change.NEW, onS2),
                        new SourcePolled("s2", 1, 1, 0, 0, 0, false, MILLIS));
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void aPostingOlderThanMaxAgeIsStoredButNotAlerted() {
        poll(s1);
        Posting old = posting("s1", "old")
                .postedAt(clock.instant().minus(Duration.ofDays(31)))
                .build();
        Posting recent = posting("s1", "recent")
                .postedAt(clock.instant().minus(Duration.ofDays(29)))
                .build();

        List<PollEvent> events = poll(s1, old, recent);

        assertThat(events).filteredOn(AlertQueued.class::isInstance).containsExactly(alert("s1:recent"));
        assertThat(events).filteredOn(PostingChanged.class::isInstance).hasSize(2);
    }

    @Test
    void maxAgeOffAlertsOldPostingsToo() {
        PollingConfig noMaxAge = new PollingConfig(null, null, 0, null, 2, 2, 3);
        Reconciler reconciler =
                PollPipeline.of(db, consoleRoute(), clock, noMaxAge).reconciler();
        reconciler.reconcile(s1, PollPipeline.complete(List.of()), TAGS, MILLIS, false);
        Posting old = posting("s1", "old")
                .postedAt(clock.instant().minus(Duration.ofDays(400)))
                .build();

        List<PollEvent> events = reconciler.reconcile(s1, PollPipeline.complete(List.of(old)), TAGS, MILLIS, false);

        assertThat(events).contains(alert("s1:old"));
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndCommitsNothing() {
        poll(s1, active("1"), active("2"), active("3"));
        poll(s1, active("2"), active("3"));

        List<PollEvent> dry = reconciler.reconcile(
                s1, PollPipeline.complete(List.of(active("2"), active("3"), active("4"))), TAGS, 1, true);
        List<PollEvent> real = poll(s1, active("2"), active("3"), active("4"));

        assertThat(dry).contains(new PostingChanged("s1", Change.NEW, active("4")), alert("s1:4"));
        assertThat(real)
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("PostingChanged", "PostingChanged", "AlertQueued", "SourcePolled");
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void aDryRunFirstPollLeavesTheSourceUnseeded() {
        List<PollEvent> dry = reconciler.reconcile(s1, PollPipeline.complete(List.of(active("1"))), TAGS, MILLIS, true);

        assertThat(dry).containsExactly(new SourceSeeded("s1", 1));
        assertThat(states.state("s1").seeded()).isFalse();
        assertThat(open("s1")).isZero();
        assertThat(states.cacheTags("s1").isEmpty()).isTrue();
    }

    @Test
    void eventsComeInOrderNewUpdatedClosedReopenedAlertsThenPolled() {
        poll(s1, active("1"), active("2"), active("3"), active("4"), active("5"), inactive("6"));
        Posting updated = posting("s1", "2").title("Data Intern").build();

        List<PollEvent> events =
                poll(s1, inactive("1"), updated, active("3"), active("4"), active("5"), active("6"), active("7"));

        assertThat(events)
                .containsExactly(
                        new PostingChanged("s1", Change.NEW, active("7")),
                        new PostingChanged("s1", Change.UPDATED, updated),
                        new PostingChanged("s1", Change.CLOSED, inactive("1")),
                        new PostingChanged("s1", Change.REOPENED, active("6")),
                        alert("s1:7"),
                        alert("s1:6"),
                        polled(6, 1, 1, 1, 1));
    }

    @Test
    void aNotModifiedPollReportsTheOpenCountAndKeepsTags() {
        poll(s1, active("1"), active("2"));

        List<PollEvent> events = reconciler.recordNotModified(s1, 7, false);

        assertThat(events).containsExactly(new SourcePolled("s1", 2, 0, 0, 0, 0, true, 7));
        assertThat(states.cacheTags("s1")).isEqualTo(TAGS);
    }

    @Test
    void aDuplicateKeyInOneSnapshotKeepsTheFirst() {
        poll(s1);
        Posting second = posting("s1", "1").title("Another title").build();

        List<PollEvent> events = poll(s1, active("1"), second);

        assertThat(events)
                .containsExactly(
                        new PostingChanged("s1", Change.NEW, active("1")), alert("s1:1"), polled(1, 1, 0, 0, 0));
    }

    private List<PollEvent> poll(SourceConfig source, Posting... snapshot) {
        clock.advance(Duration.ofMinutes(15));
        return reconciler.reconcile(source, PollPipeline.complete(List.of(snapshot)), TAGS, MILLIS, false);
    }

    private static Posting active(String externalId) {
        return posting("s1", externalId).build();
    }

    private static Posting inactive(String externalId) {
        return posting("s1", externalId).inactive().build();
    }

    private static AlertQueued alert(String key) {
        return new AlertQueued(key.substring(0, key.indexOf(':')), "console", "r1", null, key);
    }

    private static SourcePolled polled(int postings, int added, int updated, int closed, int reopened) {
        return new SourcePolled("s1", postings, added, updated, closed, reopened, false, MILLIS);
    }

    private List<AdminNotice> notices() {
        return db.read(
                (Connection c) -> new NoticeStore().due(c, clock.instant().plus(Duration.ofDays(1)), 1_000));
    }

    private int pending() {
        return db.read((Connection c) -> new DeliveryStore().count(c, DeliveryStatus.PENDING));
    }

    private int open(String sourceId) {
        return db.read((Connection c) -> new PostingStore().countOpen(c, sourceId));
    }

    private int missedPolls(String key) {
        return db.read((Connection c) -> new PostingStore().find(c, key))
                .orElseThrow()
                .missedPolls();
    }

    private Posting stored(String key) {
        return db.read((Connection c) -> new PostingStore().find(c, key))
                .orElseThrow()
                .posting();
    }

    static SourceConfig source(String id, boolean backfill) {
        return new SourceConfig(
                id,
                "simplify",
                Duration.ofMinutes(15),
                null,
                null,
                null,
                SourceConfig.Classify.INTERNSHIPS,
                backfill,
                null);
    }

    static Matcher consoleRoute() {
        try {
            Filter any = Filter.of(FilterConfig.any());
            return new Matcher(() -> SubscriptionIndex.of(List.of(new Subscription("r1", null, "console", any))));
        } catch (QueryException e) {
            throw new AssertionError(e);
        }
    }
}

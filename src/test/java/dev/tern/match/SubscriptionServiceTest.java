package dev.tern.match;

import static dev.tern.testing.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.DiscordConfig;
import dev.tern.config.FilterConfig;
import dev.tern.config.FilterConfig.RemoteMode;
import dev.tern.config.SourceConfig;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import dev.tern.store.Database;
import dev.tern.store.PostingStore;
import dev.tern.store.Stores;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class SubscriptionServiceTest {

    private static final int LIMIT = 3;
    private static final String USER = "111";
    private static final String OTHER = "222";
    private static final String DM = "discord:user/111";

    private final Database db = TestDatabases.fresh();
    private final MutableClock clock = MutableClock.fixed();
    private final LiveSubscriptions live = LiveSubscriptions.load(db, Stores.create(), List.of());
    private final SubscriptionService service = service(live);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void subscribeStoresTheFilterDescribesItAndShowsTheNewestOpenMatches() {
        store(
                ml("1", 3),
                ml("2", 1),
                ml("3", 2),
                ml("4", 4),
                posting("s1", "5").title("Sales Intern").build());

        SubscribeResult result = service.subscribe(USER, "g", "c", false, keywords("ml"));

        assertThat(result).isInstanceOfSatisfying(SubscribeResult.Created.class, created -> {
            assertThat(created.description()).isEqualTo("keywords ml");
            assertThat(created.target()).isEqualTo(DM);
            assertThat(created.openMatches()).isEqualTo(4);
            assertThat(created.samples()).extracting(Posting::key).containsExactly("s1:2", "s1:3", "s1:1");
            assertThat(created.paused()).isFalse();
        });
    }

    @Test
    void aNewSubscriptionIsMatchedAtOnceUnderItsStoredId() {
        long id = created(service.subscribe(USER, "g", "c9", true, keywords("ml")));

        List<Subscription> matched = live.index().get().matching(ml("x", 1));

        assertThat(matched).singleElement().satisfies(s -> {
            assertThat(s.subscriptionId()).isEqualTo(String.valueOf(id));
            assertThat(s.routeId()).isNull();
            assertThat(s.target()).isEqualTo("discord:channel/c9");
        });
    }

    @Test
    void describesEveryPartInWords() {
        FilterConfig filter = new FilterConfig(
                "\"machine learning\" OR ml -senior",
                List.of("Singapore", "Remote"),
                List.of(2027),
                List.of("Stripe"),
                List.of(),
                RemoteMode.ONLY,
                true);

        assertThat(FilterDescription.describe(filter))
                .isEqualTo("keywords \"machine learning\" or ml, and not senior; in Singapore or Remote;"
                        + " starting 2027; at Stripe; remote only");
        assertThat(FilterDescription.describe(FilterConfig.any())).isEqualTo("every posting");
    }

    @Test
    void aFilterWithoutAnyPartIsInvalid() {
        assertThat(service.subscribe(
                        USER,
                        "g",
                        "c",
                        false,
                        new FilterConfig("  ", List.of(" "), null, null, null, RemoteMode.ANY, true)))
                .isEqualTo(new SubscribeResult.Invalid(
                        "filter",
                        "give at least one of keywords, location, start_year, company, remote, sponsorship, degree or"
                                + " category",
                        "keywords: software intern",
                        List.of()));
    }

    @Test
    void badKeywordsNameTheOptionAndThePosition() {
        SubscribeResult.Invalid invalid = invalid(keywords("(ml OR ai"));
        assertThat(invalid.option()).isEqualTo("keywords");
        assertThat(invalid.problem()).contains("position");
        assertThat(invalid.example()).isEqualTo("\"machine learning\" OR ml -senior");

        SubscribeResult.Invalid tooLong = invalid(keywords("a".repeat(201)));
        assertThat(tooLong.option()).isEqualTo("keywords");
        assertThat(tooLong.problem()).contains("201 characters").contains("200");
    }

    @Test
    void startYearOutOfRangeIsInvalid() {
        FilterConfig filter = new FilterConfig(null, null, List.of(1999), null, null, RemoteMode.ANY, true);

        assertThat(invalid(filter))
                .isEqualTo(new SubscribeResult.Invalid(
                        "start_year", "1999 is not a start year; use a year from 2000 to 2100", "2027", List.of()));
    }

    @Test
    void overlongCompanyIsInvalidAndCompanyIsTrimmed() {
        SubscribeResult.Invalid invalid = invalid(company("x".repeat(101)));
        assertThat(invalid.option()).isEqualTo("company");
        assertThat(invalid.problem()).isEqualTo("the company name is 101 characters long; the limit is 100");

        created(service.subscribe(USER, "g", "c", false, company("  Stripe  ")));
        assertThat(service.list(USER).getFirst().filter().companies()).containsExactly("Stripe");
    }

    @Test
    void unknownLocationSuggestsNearKnownPlaces() {
        SubscribeResult.Invalid invalid = invalid(location("Seatle"));

        assertThat(invalid.option()).isEqualTo("location");
        assertThat(invalid.suggestions()).contains("Seattle").hasSizeLessThanOrEqualTo(3);
        assertThat(invalid.problem()).startsWith("'Seatle' is not a place Tern knows; did you mean ");
        assertThat(invalid.example()).isEqualTo(invalid.suggestions().getFirst());
    }

    @Test
    void aPlaceOnlyPostingsNameIsAccepted() {
        store(posting("s1", "1")
                .locations(List.of(new Location("Smallvillia", "Smallvillia", null, null, false)))
                .build());

        assertThat(service.subscribe(USER, "g", "c", false, location("smallvillia")))
                .isInstanceOfSatisfying(SubscribeResult.Created.class, c -> assertThat(c.openMatches())
                        .isEqualTo(1));
    }

    @Test
    void theSameFilterWrittenDifferentlyIsADuplicateForTheSameTarget() {
        long id = created(service.subscribe(USER, "g", "c", false, both("ml  intern", "Singapore")));

        SubscribeResult again = service.subscribe(USER, "g", "c", false, both(" ml intern ", "singapore"));
        SubscribeResult elsewhere = service.subscribe(USER, "g", "c", true, both("ml intern", "Singapore"));

        assertThat(again).isEqualTo(new SubscribeResult.Duplicate(id, "keywords ml and intern; in Singapore"));
        assertThat(elsewhere).isInstanceOf(SubscribeResult.Created.class);
    }

    @Test
    void theLimitPerUserHolds() {
        for (int i = 0; i < LIMIT; i++) {
            created(service.subscribe(USER, "g", "c", false, keywords("word" + i)));
        }

        assertThat(service.subscribe(USER, "g", "c", false, keywords("more")))
                .isEqualTo(new SubscribeResult.LimitReached(LIMIT));
        assertThat(service.subscribe(OTHER, "g", "c", false, keywords("more")))
                .isInstanceOf(SubscribeResult.Created.class);
    }

    @Test
    void usersRemoveOnlyTheirOwnSubscriptions() {
        long mine = created(service.subscribe(USER, "g", "c", false, keywords("ml")));
        long theirs = created(service.subscribe(OTHER, "g", "c", false, keywords("ml")));
        created(service.subscribe(USER, "g", "c", false, keywords("ai")));

        assertThat(service.remove(USER, theirs)).isFalse();
        assertThat(service.remove(USER, 999)).isFalse();
        assertThat(service.remove(USER, mine)).isTrue();
        assertThat(service.list(USER)).extracting(UserSubscription::description).containsExactly("keywords ai");
        assertThat(service.removeAll(USER)).isEqualTo(1);
        assertThat(service.list(USER)).isEmpty();
        assertThat(live.index().get().matching(ml("x", 1)))
                .extracting(Subscription::subscriptionId)
                .containsExactly(String.valueOf(theirs));
    }

    @Test
    void listShowsTargetAndState() {
        long id = created(service.subscribe(USER, "g", "c5", true, keywords("ml")));

        assertThat(service.list(USER)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.target()).isEqualTo("discord:channel/c5");
            assertThat(s.byDm()).isFalse();
            assertThat(s.broken()).isFalse();
            assertThat(s.paused()).isFalse();
            assertThat(s.createdAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void pauseForADurationEndsByItself() {
        created(service.subscribe(USER, "g", "c", false, keywords("ml")));

        PauseResult paused = service.pause(USER, Duration.ofHours(1));

        assertThat(paused).isEqualTo(new PauseResult(clock.instant().plus(Duration.ofHours(1)), 1));
        assertThat(service.list(USER).getFirst().pausedUntil()).isEqualTo(paused.until());
        clock.advance(Duration.ofHours(2));
        assertThat(service.list(USER).getFirst().paused()).isFalse();
    }

    @Test
    void pauseWithoutDurationLastsUntilResumeAndCoversNewSubscriptions() {
        created(service.subscribe(USER, "g", "c", false, keywords("ml")));

        PauseResult paused = service.pause(USER, null);
        SubscribeResult later = service.subscribe(USER, "g", "c", false, keywords("ai"));
        clock.advance(Duration.ofDays(400));

        assertThat(paused.indefinitely()).isTrue();
        assertThat(later).isInstanceOfSatisfying(SubscribeResult.Created.class, c -> assertThat(c.paused())
                .isTrue());
        assertThat(service.list(USER))
                .allSatisfy(s -> assertThat(s.pausedUntil()).isEqualTo(SubscriptionService.INDEFINITELY));
        assertThat(service.resume(USER)).isEqualTo(new ResumeResult(true, 0, 2));
        assertThat(service.list(USER)).noneMatch(UserSubscription::paused);
        assertThat(service.resume(USER).wasPaused()).isFalse();
    }

    @Test
    void searchPagesNewestFirstWithOnePostingPerJob() {
        for (int i = 1; i <= 12; i++) {
            store(ml(String.valueOf(i), i));
        }
        store(posting("s2", "dup")
                .title("ML Intern")
                .postedAt(clock.instant().minus(Duration.ofDays(9)))
                .fingerprint("https://jobs.example.com/s1/1")
                .build());

        Page first = service.search(keywords("ml"), 1);
        Page last = service.search(keywords("ml"), 3);
        Page beyond = service.search(keywords("ml"), 9);

        assertThat(first.total()).isEqualTo(12);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.postings()).extracting(Posting::key).containsExactly("s1:1", "s1:2", "s1:3", "s1:4", "s1:5");
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(last.postings()).extracting(Posting::key).containsExactly("s1:11", "s1:12");
        assertThat(beyond.page()).isEqualTo(3);
        assertThat(service.search(keywords("nothing"), 1)).isEqualTo(new Page(List.of(), 1, 1, 0));
    }

    @Test
    void searchChecksAFilterButAcceptsAnEmptyOne() {
        assertThat(service.checkSearch(FilterConfig.any())).isEmpty();
        assertThat(service.checkSearch(keywords("ml OR")))
                .hasValueSatisfying(i -> assertThat(i.option()).isEqualTo("keywords"));
    }

    @Test
    void companySuggestionsComeFromOpenPostingsPrefixFirst() {
        store(
                posting("s1", "1").company("Stripe").build(),
                posting("s1", "2").company("Jane Street").build(),
                posting("s1", "3").company("Streamline").build(),
                posting("s1", "4").company("Strata").inactive().build());

        assertThat(service.companySuggestions("str", 10)).containsExactly("Streamline", "Stripe", "Jane Street");
        assertThat(service.companySuggestions("str", 1)).containsExactly("Streamline");
        assertThat(service.companySuggestions("", 10)).hasSize(3);
    }

    @Test
    void locationSuggestionsComeFromKnownPlacesAndPostingCities() {
        store(posting("s1", "1")
                .locations(List.of(new Location("Smallvillia", "Smallvillia", null, null, false)))
                .build());

        assertThat(service.locationSuggestions("singa", 5)).contains("Singapore");
        assertThat(service.locationSuggestions("SMALLV", 5)).containsExactly("Smallvillia");
        assertThat(service.locationSuggestions("rem", 5)).first().isEqualTo("Remote");
        assertThat(service.locationSuggestions("a", 4)).hasSize(4);
    }

    @Test
    void statusReportsSourcesOutboxBrokenTargetsAndCounts() {
        SourceConfig s1 = source("s1");
        LiveSubscriptions withRoute = LiveSubscriptions.load(
                db,
                Stores.create(),
                List.of(new Subscription("jobs", null, "discord:channel/7", filter(FilterConfig.any()))));
        SubscriptionService withSources =
                new SubscriptionService(db, Stores.create(), clock, withRoute, limits(), List.of(s1, source("s2")));
        store(ml("1", 1), ml("2", 2));
        db.transaction((Connection c) -> {
            new dev.tern.store.SourceStateStore().recordSuccess(c, "s1", null, null, clock.instant());
            new dev.tern.store.SourceStateStore()
                    .scheduleNextPoll(c, "s1", clock.instant().plusSeconds(900));
            new dev.tern.store.SourceStateStore().recordFailure(c, "s2", "HTTP 500", clock.instant());
            new dev.tern.store.DeliveryStore().enqueue(c, "f", "console", "s1:1", "r", null, clock.instant());
            return null;
        });
        long here = created(withSources.subscribe(USER, "g", "7", true, keywords("ml")));
        created(withSources.subscribe(OTHER, "g", "c", false, keywords("ml")));
        withSources.pause(OTHER, null);
        withSources.markTargetBroken("discord:channel/7", "Unknown Channel");

        StatusReport status = withSources.status();

        assertThat(status.sources())
                .containsExactly(
                        new StatusReport.SourceStatus(
                                "s1",
                                "simplify",
                                clock.instant(),
                                2,
                                0,
                                null,
                                null,
                                clock.instant().plusSeconds(900),
                                0,
                                null),
                        new StatusReport.SourceStatus("s2", "simplify", null, 0, 1, "HTTP 500", null, null, 0, null));
        assertThat(status.pendingDeliveries()).isEqualTo(1);
        assertThat(status.failedDeliveries()).isZero();
        assertThat(status.brokenTargets())
                .containsExactly(new StatusReport.Broken(
                        "discord:channel/7", "Unknown Channel", clock.instant(), List.of("jobs"), List.of(here)));
        assertThat(List.of(
                        status.activeSubscriptions(),
                        status.pausedSubscriptions(),
                        status.brokenSubscriptions(),
                        status.subscribers()))
                .containsExactly(1, 1, 1, 2);
    }

    @Test
    void aBrokenTargetLeavesTheIndexAndTellsTheUser() {
        long here = created(service.subscribe(USER, "g", "7", true, keywords("ml")));
        long dm = created(service.subscribe(USER, "g", "7", false, keywords("ml")));

        assertThat(service.markTargetBroken("discord:channel/7", "Missing Access"))
                .containsExactly(here);

        assertThat(live.index().get().matching(ml("x", 1)))
                .extracting(Subscription::subscriptionId)
                .containsExactly(String.valueOf(dm));
        assertThat(service.list(USER))
                .filteredOn(UserSubscription::broken)
                .extracting(UserSubscription::id)
                .containsExactly(here);
        assertThat(service.takeNotice(USER))
                .contains("Tern can no longer post to channel 7, so subscription " + here + " is stopped; remove it"
                        + " with /unsubscribe and subscribe again where Tern can post");
    }

    @Test
    void brokenRouteTargetsAreLeftOutUntilRetriedAtStart() {
        LiveSubscriptions withRoute = LiveSubscriptions.load(
                db,
                Stores.create(),
                List.of(new Subscription("jobs", null, "discord:channel/7", filter(FilterConfig.any()))));
        SubscriptionService routed = service(withRoute);

        routed.markTargetBroken("discord:channel/7", "Unknown Channel");
        assertThat(withRoute.index().get().size()).isZero();

        assertThat(routed.retryBrokenRoutes()).containsExactly("discord:channel/7");
        assertThat(withRoute.index().get().size()).isEqualTo(1);
        assertThat(routed.status().brokenTargets()).isEmpty();
    }

    @Test
    void closedDmsPauseOnlyDmSubscriptionsAndLeaveANoticeTakenOnce() {
        long dm = created(service.subscribe(USER, "g", "c", false, keywords("ml")));
        long here = created(service.subscribe(USER, "g", "c", true, keywords("ml")));

        assertThat(service.pauseForClosedDms(DM, "Cannot send messages to this user"))
                .containsExactly(dm);

        assertThat(live.index().get().matching(ml("x", 1)))
                .filteredOn(s -> s.pausedAt(clock.instant()))
                .extracting(Subscription::subscriptionId)
                .containsExactly(String.valueOf(dm));
        assertThat(service.list(USER))
                .filteredOn(UserSubscription::paused)
                .extracting(UserSubscription::id)
                .containsExactly(dm);
        assertThat(service.list(USER))
                .filteredOn(s -> s.id() == here)
                .singleElement()
                .satisfies(s -> assertThat(s.paused()).isFalse());
        assertThat(service.takeNotice(USER))
                .contains("Tern could not DM you (your DMs are closed), so subscription " + dm
                        + " is paused; open your DMs and run /resume");
        assertThat(service.takeNotice(USER)).isEmpty();
        assertThat(service.resume(USER).wasPaused()).isTrue();
        assertThat(service.list(USER)).noneMatch(UserSubscription::paused);
    }

    private SubscriptionService service(LiveSubscriptions subscriptions) {
        return new SubscriptionService(db, Stores.create(), clock, subscriptions, limits(), List.of());
    }

    private static DiscordConfig limits() {
        return new DiscordConfig("token", List.of(), null, null, LIMIT, DiscordConfig.DEFAULT_DIGEST);
    }

    private SubscribeResult.Invalid invalid(FilterConfig filter) {
        SubscribeResult result = service.subscribe(USER, "g", "c", false, filter);
        assertThat(result).isInstanceOf(SubscribeResult.Invalid.class);
        return (SubscribeResult.Invalid) result;
    }

    private static long created(SubscribeResult result) {
        assertThat(result).isInstanceOf(SubscribeResult.Created.class);
        return ((SubscribeResult.Created) result).id();
    }

    private void store(Posting... postings) {
        db.transaction((Connection c) -> {
            for (Posting p : postings) {
                new PostingStore().insert(c, p, clock.instant());
            }
            return null;
        });
    }

    /** An ML posting posted {@code hoursAgo} hours ago. */
    private Posting ml(String id, int hoursAgo) {
        return posting("s1", id)
                .title("ML Intern " + id)
                .term(new Term("Summer", 2027))
                .postedAt(clock.instant().minus(Duration.ofHours(hoursAgo)))
                .build();
    }

    private static FilterConfig keywords(String keywords) {
        return new FilterConfig(keywords, null, null, null, null, RemoteMode.ANY, true);
    }

    private static FilterConfig company(String company) {
        return new FilterConfig(null, null, null, List.of(company), null, RemoteMode.ANY, true);
    }

    private static FilterConfig location(String location) {
        return new FilterConfig(null, List.of(location), null, null, null, RemoteMode.ANY, true);
    }

    private static FilterConfig both(String keywords, String location) {
        return new FilterConfig(keywords, List.of(location), null, null, null, RemoteMode.ANY, true);
    }

    private static Filter filter(FilterConfig config) {
        try {
            return Filter.of(config);
        } catch (QueryException e) {
            throw new AssertionError(e);
        }
    }

    private static SourceConfig source(String id) {
        return new SourceConfig(
                id,
                "simplify",
                Duration.ofMinutes(15),
                null,
                null,
                null,
                SourceConfig.Classify.INTERNSHIPS,
                false,
                Map.of());
    }
}

package dev.tern.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.ConfigException;
import dev.tern.config.ConfigLoader;
import dev.tern.config.SourceConfig;
import dev.tern.config.TernConfig;
import dev.tern.match.Filter;
import dev.tern.match.Matcher;
import dev.tern.match.Query;
import dev.tern.match.Subscription;
import dev.tern.match.SubscriptionIndex;
import dev.tern.poll.PollEvent.Change;
import dev.tern.poll.PollEvent.PostingChanged;
import dev.tern.source.Http;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.SourceRegistry;
import dev.tern.source.TestSources;
import dev.tern.store.Database;
import dev.tern.store.Lease;
import dev.tern.store.PostingStatus;
import dev.tern.store.SourceState;
import dev.tern.store.StoredPosting;
import dev.tern.testing.BoardServer;
import dev.tern.testing.MutableClock;
import dev.tern.testing.PollPipeline;
import dev.tern.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The poll rules through {@link Poller}, the entry point the scheduler, {@code tern poll} and {@code /tern poll}
 * use: a local board on 127.0.0.1, the real adapters and normaliser with {@code classify} on, and a real H2.
 */
final class PollerTest {

    private final Database db = TestDatabases.fresh();
    private final MutableClock clock = MutableClock.fixed();
    private BoardServer board;
    private Http http;
    private TernConfig config;
    private Poller poller;
    private SourceStates states;
    private PollPipeline pipeline;

    @BeforeEach
    void setUp() throws Exception {
        board = BoardServer.start();
        http = TestSources.http(new RecordingSleeper());
        config = load("""
                sources:
                  - { id: acme, type: greenhouse, board: acme, baseUrl: "%1$s" }
                  - id: careers
                    type: html
                    url: "%1$s/careers/1.html"
                    selectors: { item: li.job, title: a, link: "a@href", location: .where }
                    next: "a.next@href"
                    maxPages: 2
                  - { id: vantor, type: smartrecruiters, companyId: Vantor, baseUrl: "%1$s" }
                routes:
                  - { id: all, to: console }
                """.formatted(board.base()));
        Subscription everything = new Subscription(
                "all", null, "console", Filter.of(config.routes().get(0).filter()));
        pipeline = PollPipeline.of(
                db,
                new Matcher(() -> SubscriptionIndex.of(List.of(everything))),
                clock,
                config.polling(),
                http,
                config.sources());
        states = pipeline.states();
        poller = pipeline.poller();
    }

    @AfterEach
    void tearDown() {
        http.close();
        board.close();
        db.close();
    }

    @Test
    void aBoardWhoseInternshipsAllGoWhileOtherJobsStayClosesThemAndIsNeverHeld() {
        serveGreenhouse(intern("1"), intern("2"), fullTime("10"), fullTime("11"), fullTime("12"));
        assertThat(poll("acme")).containsExactly(new PollEvent.SourceSeeded("acme", 2));

        serveGreenhouse(fullTime("10"), fullTime("11"), fullTime("12"));
        List<PollEvent> missedOnce = poll("acme");
        List<PollEvent> closing = poll("acme");

        assertThat(missedOnce).noneMatch(e -> e instanceof PollEvent.SourceSuspicious);
        assertThat(closedKeys(missedOnce)).isEmpty();
        assertThat(closing).noneMatch(e -> e instanceof PollEvent.SourceSuspicious);
        assertThat(closedKeys(closing)).containsExactlyInAnyOrder("acme:1", "acme:2");
        assertThat(status("acme:1")).isEqualTo(PostingStatus.CLOSED);
        assertThat(states.state("acme").degraded()).isFalse();
    }

    @Test
    void aPollWhileAnotherProcessPollsTheSourceReportsItBusyAndFetchesNothing() {
        serveGreenhouse(intern("1"));
        poll("acme");
        serveGreenhouse(intern("1"), intern("2"));
        int requests = board.requests();
        Lease other = new Lease(
                "source:acme",
                "t",
                4242,
                "elsewhere",
                clock.instant(),
                clock.instant().plus(Duration.ofMinutes(1)));
        db.transaction(c -> pipeline.stores().leases().insert(c, other));

        List<PollEvent> busy = poller.poll(source("acme"), false);
        List<PollEvent> afterItsLeaseEnded = poll("acme");

        assertThat(busy)
                .containsExactly(new PollEvent.SourceBusy(
                        "acme", "another Tern process (pid 4242 on elsewhere)", other.acquiredAt(), false));
        assertThat(afterItsLeaseEnded)
                .filteredOn(PostingChanged.class::isInstance)
                .extracting(e -> ((PostingChanged) e).posting().key())
                .containsExactly("acme:2");
        assertThat(board.requests())
                .as("one fetch: the poll after the lease ended")
                .isEqualTo(requests + 1);
    }

    @Test
    void anHtmlListingCutShortByMaxPagesClosesNothingAndIsNotSuspicious() {
        serveCareers(3);
        poll("careers");

        List<PollEvent> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.addAll(poll("careers"));
        }

        assertThat(all).noneMatch(e -> e instanceof PollEvent.SourceSuspicious);
        assertThat(closedKeys(all)).isEmpty();
        assertThat(openCount("careers"))
                .as("the two pages read (page 3 is past maxPages 2)")
                .isEqualTo(4);
        assertThat(states.state("careers").degraded()).isFalse();
    }

    @Test
    void aSmartRecruitersPageMissingBeforeTotalFoundCountsNothingAsMissing() {
        board.serve("/v1/companies/Vantor/postings", smartRecruiters(0, 150, 0, 100));
        board.serve("/v1/companies/Vantor/postings?limit=100&offset=100", smartRecruiters(100, 150, 100, 150));
        assertThat(poll("vantor")).containsExactly(new PollEvent.SourceSeeded("vantor", 150));

        board.serve("/v1/companies/Vantor/postings?limit=100&offset=100", smartRecruiters(100, 150, 0, 0));
        List<PollEvent> partial = new ArrayList<>(poll("vantor"));
        partial.addAll(poll("vantor"));
        partial.addAll(poll("vantor"));

        assertThat(partial).noneMatch(e -> e instanceof PollEvent.SourceSuspicious);
        assertThat(closedKeys(partial)).isEmpty();
        assertThat(stored("vantor:sr-120").missedPolls()).isZero();
    }

    @Test
    void aNotModifiedPollChangesNothingAndKeepsCountingMisses() {
        serveGreenhouse(intern("1"), intern("2"), intern("3"), intern("4"), intern("5"));
        poll("acme");
        serveGreenhouse(intern("2"), intern("3"), intern("4"), intern("5"));
        poll("acme");
        int requests = board.requests();

        List<PollEvent> notModified = poll("acme");

        assertThat(board.requests()).isEqualTo(requests + 1);
        assertThat(notModified).last().isInstanceOfSatisfying(PollEvent.SourcePolled.class, polled -> {
            assertThat(polled.notModified()).isTrue();
            assertThat(polled.closed()).isEqualTo(1);
        });
        assertThat(closedKeys(notModified)).containsExactly("acme:1");
        assertThat(states.state("acme").etag()).as("validators kept").isNotNull();
    }

    @Test
    void aFailureClosesNothingAndIsCounted() {
        serveGreenhouse(intern("1"), intern("2"));
        poll("acme");
        board.failWith(503);

        List<PollEvent> failed = poll("acme");

        assertThat(failed).singleElement().isInstanceOf(PollEvent.SourceFailed.class);
        assertThat(status("acme:1")).isEqualTo(PostingStatus.OPEN);
        SourceState state = states.state("acme");
        assertThat(state.consecutiveFailures()).isEqualTo(1);
        assertThat(state.lastError()).contains("503");
    }

    @Test
    void aBoardThatClosesAllItsInternshipsAtOnceIsHeldThenClosesThemAfterTheConfirmingPolls() {
        serveGreenhouse(intern("1"), intern("2"), intern("3"), intern("4"), intern("5"), fullTime("10"));
        poll("acme");
        serveGreenhouse(fullTime("10"));

        List<PollEvent> missed = poll("acme");
        List<PollEvent> held = poll("acme");
        List<PollEvent> firstConfirmation = poll("acme");
        SourceState duringHold = states.state("acme");
        List<PollEvent> confirmed = poll("acme");

        assertThat(closedKeys(missed)).isEmpty();
        assertThat(held).anyMatch(e -> e instanceof PollEvent.SourceSuspicious);
        assertThat(closedKeys(held)).isEmpty();
        assertThat(firstConfirmation)
                .filteredOn(e -> e instanceof PollEvent.SourceSuspicious)
                .singleElement()
                .satisfies(e ->
                        assertThat(((PollEvent.SourceSuspicious) e).reason()).contains("1 of 2"));
        assertThat(duringHold.heldKeys()).containsExactly("acme:1", "acme:2", "acme:3", "acme:4", "acme:5");
        assertThat(closedKeys(confirmed)).containsExactlyInAnyOrder("acme:1", "acme:2", "acme:3", "acme:4", "acme:5");
        assertThat(confirmed).contains(new PollEvent.HoldConfirmed("acme", 5, 2));
        assertThat(states.state("acme").holding()).isFalse();
        assertThat(states.state("acme").degraded()).isFalse();
    }

    @Test
    void aHoldIsConfirmedWhileTheBoardKeepsEmptyingAndTheLateGoneCloseByTheNormalRule() {
        serveGreenhouse(intern("1"), intern("2"), intern("3"), intern("4"), intern("5"), intern("6"), fullTime("10"));
        poll("acme");
        serveGreenhouse(intern("6"), fullTime("10"));
        poll("acme");
        List<PollEvent> held = poll("acme");
        serveGreenhouse(fullTime("10"));

        List<PollEvent> firstConfirmation = poll("acme");
        List<PollEvent> confirmed = poll("acme");
        List<PollEvent> after = poll("acme");

        assertThat(held).anyMatch(e -> e instanceof PollEvent.SourceSuspicious);
        assertThat(closedKeys(firstConfirmation)).isEmpty();
        assertThat(confirmed).contains(new PollEvent.HoldConfirmed("acme", 5, 2));
        assertThat(closedKeys(confirmed)).containsExactlyInAnyOrder("acme:1", "acme:2", "acme:3", "acme:4", "acme:5");
        assertThat(closedKeys(after))
                .as("the sixth went after the hold began: two misses close it")
                .containsExactly("acme:6");
        assertThat(states.state("acme").holding()).isFalse();
    }

    @Test
    void acceptingAHoldClosesWhatItKeptOpenAtOnce() {
        serveGreenhouse(intern("1"), intern("2"), intern("3"), intern("4"), fullTime("10"));
        poll("acme");
        serveGreenhouse(fullTime("10"));
        poll("acme");
        poll("acme");

        var accepted = poller.accept(source("acme"), false);
        var again = poller.accept(source("acme"), false);

        assertThat(accepted).hasValueSatisfying(events -> {
            assertThat(closedKeys(events)).containsExactlyInAnyOrder("acme:1", "acme:2", "acme:3", "acme:4");
            assertThat(events).last().isEqualTo(new PollEvent.HoldAccepted("acme", 4));
        });
        assertThat(again).as("nothing held any more").isEmpty();
        assertThat(status("acme:3")).isEqualTo(PostingStatus.CLOSED);
        assertThat(states.state("acme").holding()).isFalse();
    }

    @Test
    void anAcceptOfAnEarlierHoldClosesNothingOfTheHoldThereIsNow() {
        serveGreenhouse(intern("1"), intern("2"), intern("3"), intern("4"), fullTime("10"));
        poll("acme");
        serveGreenhouse(fullTime("10"));
        poll("acme");
        poll("acme");
        String earlier = SourceStates.holdId(states.state("acme").degradedSince());
        String current = "1" + earlier; // the id a later hold would have

        var stale = poller.accept(source("acme"), current, false);
        var matching = poller.accept(source("acme"), earlier, false);

        assertThat(stale)
                .as("another hold than the one there is: nothing closes")
                .isEmpty();
        assertThat(matching)
                .hasValueSatisfying(events -> assertThat(closedKeys(events)).hasSize(4));
        assertThat(status("acme:3")).isEqualTo(PostingStatus.CLOSED);
    }

    @Test
    void aHeldPollThatTheNextPollContradictsIsClearedAndClosesNothing() {
        serveGreenhouse(intern("1"), intern("2"), intern("3"), intern("4"), fullTime("10"));
        poll("acme");
        serveGreenhouse(fullTime("10"));
        poll("acme");
        poll("acme");
        serveGreenhouse(intern("1"), intern("2"), intern("3"), intern("4"), fullTime("10"));

        List<PollEvent> back = poll("acme");

        assertThat(back).contains(new PollEvent.HoldCleared("acme", 4, 0));
        assertThat(closedKeys(back)).isEmpty();
        assertThat(openCount("acme")).isEqualTo(4);
    }

    private List<PollEvent> poll(String sourceId) {
        clock.advance(Duration.ofMinutes(15));
        return poller.poll(source(sourceId), false);
    }

    private SourceConfig source(String id) {
        return config.sources().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> closedKeys(List<PollEvent> events) {
        return events.stream()
                .filter(e -> e instanceof PostingChanged changed && changed.change() == Change.CLOSED)
                .map(e -> ((PostingChanged) e).posting().key())
                .toList();
    }

    private int openCount(String sourceId) {
        return db.read(c -> pipeline.stores().postings().countOpen(c, sourceId));
    }

    private PostingStatus status(String key) {
        return stored(key).status();
    }

    private StoredPosting stored(String key) {
        return db.read(c -> pipeline.stores().postings().find(c, key)).orElseThrow();
    }

    private void serveGreenhouse(String... jobs) {
        board.serve("/v1/boards/acme/jobs", "{\"jobs\": [" + String.join(",", jobs) + "]}");
    }

    private String intern(String id) {
        return job(id, "Software Engineering Intern " + id);
    }

    private String fullTime(String id) {
        return job(id, "Senior Platform Engineer " + id);
    }

    private String job(String id, String title) {
        return """
                {"id": %s, "title": "%s", "absolute_url": "%s/jobs/%s", "location": {"name": "Seattle, WA"},
                 "updated_at": "2026-11-20T10:00:00Z", "company_name": "Acme"}""".formatted(id, title, board.base(), id);
    }

    /** Page {@code number} of {@code pages}: two internships, and a next link unless it is the last. */
    private void serveCareers(int pages) {
        for (int page = 1; page <= pages; page++) {
            int number = page;
            String items = List.of("a", "b").stream()
                    .map(letter -> "<li class=\"job\"><a href=\"/jobs/%d%s\">Data Science Intern %d%s</a>"
                                    .formatted(number, letter, number, letter)
                            + "<span class=\"where\">Austin, TX</span></li>")
                    .collect(Collectors.joining());
            String next =
                    number < pages ? "<a class=\"next\" href=\"/careers/%d.html\">Next</a>".formatted(number + 1) : "";
            board.serve("/careers/" + number + ".html", "<html><body><ul>" + items + "</ul>" + next + "</body></html>");
        }
    }

    /** A SmartRecruiters page at {@code offset} of {@code total} listing internships {@code from} to {@code to}. */
    private static String smartRecruiters(int offset, int total, int from, int to) {
        List<String> content = new ArrayList<>();
        for (int i = from; i < to; i++) {
            content.add("""
                    {"id": "sr-%d", "name": "Firmware Intern %d", "company": {"name": "Vantor"},
                     "releasedDate": "2026-11-20T09:00:00.000Z",
                     "location": {"city": "Austin", "region": "TX", "country": "us"},
                     "typeOfEmployment": {"label": "Intern"}}""".formatted(i, i));
        }
        return "{\"offset\": %d, \"limit\": 100, \"totalFound\": %d, \"content\": [%s]}"
                .formatted(offset, total, String.join(",", content));
    }

    private static TernConfig load(String yaml) throws ConfigException {
        return new ConfigLoader(SourceRegistry.standard().specs(), Query::problem, Map.<String, String>of()::get)
                .parse(yaml, "tern.yml");
    }
}

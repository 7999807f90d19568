package dev.tern.testing;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.match.Matcher;
import dev.tern.poll.Leases;
import dev.tern.poll.Listing;
import dev.tern.poll.PollStage;
import dev.tern.poll.Poller;
import dev.tern.poll.Reconciler;
import dev.tern.poll.SourceStates;
import dev.tern.posting.Posting;
import dev.tern.source.Http;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.Sleeper;
import dev.tern.source.TestSources;
import dev.tern.store.Database;
import dev.tern.store.Stores;
import java.time.Clock;
import java.util.List;

/**
 * The poll stage as production wires it ({@link PollStage#build}), over a fresh set of stores, for tests that need a
 * part of it; polls wait for a busy source by moving a {@link MutableClock} instead of sleeping.
 */
public record PollPipeline(Stores stores, PollStage stage) {

    /** Never closed: shared by the tests that use the stage without polling a source. */
    private static final Http UNUSED_HTTP = TestSources.http(new RecordingSleeper());

    /** For tests that reconcile listings themselves rather than fetch them. */
    public static PollPipeline of(Database db, Matcher matcher, Clock clock, PollingConfig polling) {
        return of(db, matcher, clock, polling, UNUSED_HTTP, List.of());
    }

    /** With the HTTP client the poller fetches through and the sources whose {@code term} applies. */
    public static PollPipeline of(
            Database db, Matcher matcher, Clock clock, PollingConfig polling, Http http, List<SourceConfig> sources) {
        Stores stores = Stores.create();
        return new PollPipeline(
                stores, PollStage.build(db, stores, matcher, http, clock, sleeper(clock), polling, sources));
    }

    public SourceStates states() {
        return stage.states();
    }

    public Reconciler reconciler() {
        return stage.reconciler();
    }

    public Leases leases() {
        return stage.leases();
    }

    public Poller poller() {
        return stage.poller();
    }

    /** Waiting for a busy source moves a {@link MutableClock} instead of sleeping. */
    private static Sleeper sleeper(Clock clock) {
        return clock instanceof MutableClock moved ? moved::advance : Sleeper.SYSTEM;
    }

    /** A complete listing whose postings are everything the source listed. */
    public static Listing complete(List<Posting> postings) {
        return new Listing(postings, postings.size(), true);
    }
}

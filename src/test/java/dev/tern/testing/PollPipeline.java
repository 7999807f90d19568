package dev.tern.testing;

import dev.tern.config.PollingConfig;
import dev.tern.match.Matcher;
import dev.tern.poll.AlertQueue;
import dev.tern.poll.Leases;
import dev.tern.poll.Listing;
import dev.tern.poll.Poller;
import dev.tern.poll.Reconciler;
import dev.tern.poll.SourceStates;
import dev.tern.posting.Normalizer;
import dev.tern.posting.Posting;
import dev.tern.source.Http;
import dev.tern.source.Sleeper;
import dev.tern.source.SourceRegistry;
import dev.tern.store.Database;
import dev.tern.store.Stores;
import java.time.Clock;
import java.util.List;

/** The poll stage wired as {@code Services} wires it, for tests that need a part of it. */
public record PollPipeline(Stores stores, SourceStates states, Reconciler reconciler, Leases leases) {

    public static PollPipeline of(Database db, Matcher matcher, Clock clock, PollingConfig polling) {
        Stores stores = Stores.create();
        SourceStates states = new SourceStates(db, stores.sources(), stores.notices(), clock, polling);
        AlertQueue alerts =
                new AlertQueue(matcher, stores.deliveries(), stores.subscriptions(), stores.users(), polling);
        Reconciler reconciler =
                new Reconciler(db, stores.postings(), stores.messages(), states, alerts, clock, polling);
        return new PollPipeline(stores, states, reconciler, new Leases(db, stores.leases(), clock, sleeper(clock)));
    }

    /** Waiting for a busy source moves a {@link MutableClock} instead of sleeping. */
    private static Sleeper sleeper(Clock clock) {
        return clock instanceof MutableClock moved ? moved::advance : Sleeper.SYSTEM;
    }

    /** A poller over the standard adapters, as the app builds it. */
    public Poller poller(Http http, Clock clock) {
        return new Poller(SourceRegistry.standard(clock), http, new Normalizer(clock), states, reconciler, leases);
    }

    /** A complete listing whose postings are everything the source listed. */
    public static Listing complete(List<Posting> postings) {
        return new Listing(postings, postings.size(), true);
    }
}

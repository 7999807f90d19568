package dev.tern.poll;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.match.Matcher;
import dev.tern.posting.Normalizer;
import dev.tern.source.Http;
import dev.tern.source.Sleeper;
import dev.tern.source.SourceRegistry;
import dev.tern.store.Database;
import dev.tern.store.Stores;
import java.time.Clock;
import java.util.List;

/**
 * The poll stage wired once: what is kept about each source, the reconciler with its alert queue, the per-source
 * leases and the poller over the standard adapters. The app builds it, and tests build the very same thing.
 *
 * @param states validators, failures, next polls and holds of each source
 * @param reconciler applies a poll's outcome to the store
 * @param leases one poll of a source (and one drain of the outbox) at a time across processes
 * @param poller polls one source
 */
public record PollStage(SourceStates states, Reconciler reconciler, Leases leases, Poller poller) {

    /**
     * @param sleeper how a poll waits for a busy source (tests move a clock instead)
     * @param sources the configured sources, whose {@code term} fills in what their postings leave unknown
     */
    public static PollStage build(
            Database database,
            Stores stores,
            Matcher matcher,
            Http http,
            Clock clock,
            Sleeper sleeper,
            PollingConfig polling,
            List<SourceConfig> sources) {
        SourceStates states = new SourceStates(database, stores.sources(), stores.notices(), clock, polling);
        AlertQueue alerts =
                new AlertQueue(matcher, stores.deliveries(), stores.subscriptions(), stores.users(), polling);
        Reconciler reconciler =
                new Reconciler(database, stores.postings(), stores.messages(), states, alerts, clock, polling);
        Leases leases = new Leases(database, stores.leases(), clock, sleeper);
        Poller poller = new Poller(
                SourceRegistry.standard(clock), http, new Normalizer(clock, sources), states, reconciler, leases);
        return new PollStage(states, reconciler, leases, poller);
    }
}

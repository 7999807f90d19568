package dev.tern.poll;

import dev.tern.config.SourceConfig;
import dev.tern.posting.Normalizer;
import dev.tern.posting.Posting;
import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.SourceAdapter;
import dev.tern.source.SourceRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source once: fetch, normalise, keep what the source's {@code classify} asks for, reconcile. Every
 * failure ends as a {@link PollEvent.SourceFailed} that closes nothing; nothing here throws.
 */
public final class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    /** How long a poll waits for another poll of the same source to end before it reports the source busy. */
    public static final Duration BUSY_WAIT = Duration.ofSeconds(5);

    private final SourceRegistry registry;
    private final Http http;
    private final Normalizer normalizer;
    private final SourceStates states;
    private final Reconciler reconciler;
    /**
     * One poll of a source at a time, across every Tern process on the database: the schedule, {@code tern poll},
     * {@code /tern poll} and accepting a hold may ask at once.
     */
    private final Leases leases;

    public Poller(
            SourceRegistry registry,
            Http http,
            Normalizer normalizer,
            SourceStates states,
            Reconciler reconciler,
            Leases leases) {
        this.registry = registry;
        this.http = http;
        this.normalizer = normalizer;
        this.states = states;
        this.reconciler = reconciler;
        this.leases = leases;
    }

    /**
     * Polls {@code source} now. When another poll of it is running, waits up to {@link #BUSY_WAIT} for it to end and
     * then does not poll again: the only event is a {@link PollEvent.SourceBusy}.
     *
     * @param dryRun when true, the database is left exactly as it was
     */
    public List<PollEvent> poll(SourceConfig source, boolean dryRun) {
        return exclusive(source, Leases.Mode.AWAIT_END, () -> pollLocked(source, dryRun), List::of);
    }

    /**
     * Accepts the source's held poll: what it kept open closes now. Empty when the source holds nothing; a
     * {@link PollEvent.SourceBusy} when a poll of it ran for longer than {@link #BUSY_WAIT}.
     *
     * @param dryRun when true, the database is left exactly as it was
     */
    public Optional<List<PollEvent>> accept(SourceConfig source, boolean dryRun) {
        return accept(source, null, dryRun);
    }

    /**
     * As {@link #accept(SourceConfig, boolean)}, only when the hold there is now is {@code holdId} (the one an admin
     * saw in a notice); empty otherwise.
     */
    public Optional<List<PollEvent>> accept(SourceConfig source, String holdId, boolean dryRun) {
        return exclusive(
                source,
                Leases.Mode.TAKE,
                () -> reconciler.accept(source, holdId, dryRun),
                e -> Optional.of(List.of(e)));
    }

    /** Runs {@code work} holding the source's lease; otherwise {@code instead} gets the event that says why not. */
    private <T> T exclusive(SourceConfig source, Leases.Mode mode, Supplier<T> work, Function<PollEvent, T> instead) {
        Leases.Claim claim;
        try {
            claim = leases.claim("source:" + source.id(), BUSY_WAIT, mode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return instead.apply(new PollEvent.SourceFailed(source.id(), "interrupted while polling"));
        } catch (RuntimeException e) {
            log.error("Source {}: could not claim it for polling", source.id(), e);
            return instead.apply(new PollEvent.SourceFailed(source.id(), "database: " + e.getMessage()));
        }
        return switch (claim) {
            case Leases.Granted granted -> granted.lease().during(work);
            case Leases.Busy busy -> {
                String holder = leases.describe(busy.holder());
                log.info("Source {} is being polled by {}; left to it", source.id(), holder);
                yield instead.apply(new PollEvent.SourceBusy(
                        source.id(), holder, busy.holder().acquiredAt(), busy.ended()));
            }
        };
    }

    private List<PollEvent> pollLocked(SourceConfig source, boolean dryRun) {
        long start = System.nanoTime();
        SourceAdapter adapter = registry.adapter(source.type())
                .orElseThrow(() -> new IllegalStateException("no adapter for type " + source.type()));
        try {
            FetchResult result = adapter.fetch(source, http, states.cacheTags(source.id()));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return switch (result) {
                case FetchResult.NotModified notModified -> reconciler.recordNotModified(source, millis, dryRun);
                case FetchResult.Fetched fetched ->
                    reconciler.reconcile(source, listing(source, adapter, fetched), fetched.tags(), millis, dryRun);
            };
        } catch (FetchException e) {
            log.warn("Source {} ({}) failed: {}", source.id(), source.type(), e.getMessage());
            return states.recordFailure(source, e.getMessage(), dryRun);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(new PollEvent.SourceFailed(source.id(), "interrupted while polling"));
        } catch (RuntimeException e) {
            log.error("Source {} ({}) failed with an internal error", source.id(), source.type(), e);
            return states.recordFailure(source, "internal error: " + e, dryRun);
        }
    }

    /**
     * What the fetch listed, as the reconciler judges it: the postings {@code classify} keeps, how many the source
     * listed before that (a board still listing full-time jobs did not "list nothing"), and whether the listing was
     * cut short (then what it leaves out is not missing).
     */
    private Listing listing(SourceConfig source, SourceAdapter adapter, FetchResult.Fetched fetched) {
        List<Posting> kept = normalize(source, adapter, fetched.postings());
        return new Listing(kept, fetched.postings().size(), fetched.complete());
    }

    private List<Posting> normalize(SourceConfig source, SourceAdapter adapter, List<RawPosting> raws) {
        boolean keepAll = source.classify() == SourceConfig.Classify.ALL;
        List<Posting> postings = new ArrayList<>(raws.size());
        int skipped = 0;
        for (RawPosting raw : raws) {
            Posting posting = normalizer.normalize(source.id(), source.company(), adapter.curated(), raw);
            if (keepAll || posting.internship()) {
                postings.add(posting);
            } else {
                skipped++;
            }
        }
        log.debug("Source {}: {} posting(s) kept, {} not internships", source.id(), postings.size(), skipped);
        return postings;
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source once: fetch, normalise, keep what the source's {@code classify} asks for, reconcile. Every
 * failure ends as a {@link PollEvent.SourceFailed} that closes nothing; nothing here throws.
 */
public final class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final SourceRegistry registry;
    private final Http http;
    private final Normalizer normalizer;
    private final SourceStates states;
    private final Reconciler reconciler;
    /** One poll of a source at a time (the schedule, /tern poll and /tern accept may ask at once). */
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public Poller(
            SourceRegistry registry, Http http, Normalizer normalizer, SourceStates states, Reconciler reconciler) {
        this.registry = registry;
        this.http = http;
        this.normalizer = normalizer;
        this.states = states;
        this.reconciler = reconciler;
    }

    /**
     * Polls {@code source} now.
     *
     * @param dryRun when true, the database is left exactly as it was
     */
    public List<PollEvent> poll(SourceConfig source, boolean dryRun) {
        return locked(source, () -> pollLocked(source, dryRun));
    }

    /**
     * Accepts the source's held poll: what it kept open closes now. Empty when the source holds nothing.
     *
     * @param dryRun when true, the database is left exactly as it was
     */
    public Optional<List<PollEvent>> accept(SourceConfig source, boolean dryRun) {
        return locked(source, () -> reconciler.accept(source, dryRun));
    }

    private <T> T locked(SourceConfig source, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(source.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
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

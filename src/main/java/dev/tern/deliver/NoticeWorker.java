package dev.tern.deliver;

import dev.tern.store.AdminNotice;
import dev.tern.store.Database;
import dev.tern.store.NoticeStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the admins what the polls and deliveries wrote down for them, oldest first, each once: a notice is marked
 * told after its sink took it, a transient failure is tried again with the outbox's backoff, and a permanent one
 * falls back to the log so that nothing an admin must hear is dropped.
 */
public final class NoticeWorker {

    private static final Logger log = LoggerFactory.getLogger(NoticeWorker.class);
    private static final int BATCH = 50;

    private final Database database;
    private final NoticeStore store;
    private final NoticeSink sink;
    private final Clock clock;
    private final LogNoticeSink fallback = new LogNoticeSink();

    /** @param sink where notices go; null leaves them waiting (a CLI process while a running bot tells them) */
    public NoticeWorker(Database database, NoticeStore store, NoticeSink sink, Clock clock) {
        this.database = database;
        this.store = store;
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Tells every due notice, oldest first; a notice that cannot be told now stops the drain, so that the ones after
     * it do not overtake it ("recovered" before "failing"). Returns how many were told.
     */
    public synchronized int drain() {
        if (sink == null || !sink.ready()) {
            return 0;
        }
        List<AdminNotice> due = database.read(c -> store.due(c, clock.instant(), BATCH));
        int told = 0;
        for (AdminNotice notice : due) {
            if (!tell(notice)) {
                break;
            }
            told++;
        }
        return told;
    }

    /** Whether the notice was told (or, refused for good, logged instead); false when it waits for a retry. */
    private boolean tell(AdminNotice notice) {
        try {
            sink.tell(notice);
        } catch (DeliveryException e) {
            if (!e.isPermanent()) {
                return retry(notice, e.getMessage());
            }
            log.error("Could not post admin notice {} for good ({}); logging it instead", notice.id(), e.getMessage());
            fallback.tell(notice);
        } catch (RuntimeException e) {
            // a bug or a refused message must not block every later notice: tried again, then logged
            log.error("Posting admin notice {} failed unexpectedly", notice.id(), e);
            return retry(notice, "unexpected error: " + e);
        }
        database.transaction(c -> {
            store.markSent(c, notice.id(), clock.instant());
            return null;
        });
        return true;
    }

    private boolean retry(AdminNotice notice, String error) {
        int attempts = notice.attempts() + 1;
        if (attempts >= DeliveryWorker.MAX_ATTEMPTS) {
            log.error(
                    "Gave up posting admin notice {} after {} attempts ({}); logging it instead",
                    notice.id(),
                    attempts,
                    error);
            fallback.tell(notice);
            database.transaction(c -> {
                store.markSent(c, notice.id(), clock.instant());
                return null;
            });
            return true;
        }
        Instant next = clock.instant().plus(DeliveryWorker.backoff(attempts));
        log.warn("Could not post admin notice {} ({}); trying again at {}", notice.id(), error, next);
        database.transaction(c -> {
            store.markRetry(c, notice.id(), attempts, next);
            return null;
        });
        return false;
    }
}

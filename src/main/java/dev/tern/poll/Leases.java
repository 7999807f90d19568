package dev.tern.poll;

import dev.tern.source.Sleeper;
import dev.tern.store.Database;
import dev.tern.store.Lease;
import dev.tern.store.LeaseStore;
import dev.tern.store.ProcessIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that only one process may do at a time on a shared database (polling a source, draining the outbox), held as
 * a lease row that every Tern process sees: {@code tern run} and a {@code tern poll} beside it, or two threads of
 * one process. A holder renews its lease while it works; the lease of a process that died ends when it expires, or
 * at once when the holder was on this host and its process is gone. A holder is named by its pid, its host and a
 * random id of its JVM, so that a restarted container whose new process got the old pid (often 1) on the same host
 * name never mistakes a dead holder's lease for its own or for a live one. A lease that could not be renewed (lost
 * to another holder, or the database did not answer) is given up: the work holding it is interrupted.
 */
public final class Leases {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    /** How long a lease lasts without renewal: how long a crashed holder on another host blocks the work. */
    static final Duration TTL = Duration.ofMinutes(1);

    static final Duration RENEW_EVERY = TTL.dividedBy(3);
    static final Duration CHECK_EVERY = Duration.ofMillis(250);

    /** What to do when the work is taken: wait to do it, or wait only to see it end. */
    public enum Mode {
        /** Take the lease once the holder releases it (within the wait). */
        TAKE,
        /** Do not do the work again: report that the holder was doing it (and whether it ended within the wait). */
        AWAIT_END
    }

    /** The outcome of a claim. */
    public sealed interface Claim {}

    /** This process holds the lease until it closes {@code lease}. */
    public record Granted(Held lease) implements Claim {}

    /** {@code holder} had the lease; {@code ended} when it released it while we waited ({@link Mode#AWAIT_END}). */
    public record Busy(Lease holder, boolean ended) implements Claim {}

    private final Database db;
    private final LeaseStore store;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Sleeper renewSleeper;
    private final ProcessIdentity self = ProcessIdentity.THIS;

    /** Leases whose waits use {@code sleeper} and whose renewals wait in real time. */
    public Leases(Database db, LeaseStore store, Clock clock, Sleeper sleeper) {
        this(db, store, clock, sleeper, Sleeper.SYSTEM);
    }

    /**
     * @param sleeper how a claim waits for the holder
     * @param renewSleeper how a held lease waits between renewals
     */
    Leases(Database db, LeaseStore store, Clock clock, Sleeper sleeper, Sleeper renewSleeper) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
        this.renewSleeper = renewSleeper;
    }

    /**
     * Claims the lease {@code name}, waiting up to {@code wait} while another holder has it.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public Claim claim(String name, Duration wait, Mode mode) throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        Lease seen = null;
        while (true) {
            Optional<Lease> holder = liveHolder(name);
            if (mode == Mode.AWAIT_END && seen != null && !sameClaim(holder, seen)) {
                return new Busy(seen, true);
            }
            if (holder.isEmpty()) {
                Optional<Held> taken = take(name);
                if (taken.isPresent()) {
                    return new Granted(taken.get());
                }
                continue;
            }
            seen = seen == null ? holder.get() : seen;
            if (!clock.instant().isBefore(deadline)) {
                return new Busy(holder.get(), false);
            }
            sleeper.sleep(CHECK_EVERY);
        }
    }

    /** This process's identity as leases record it: its host name and its JVM's random id. */
    String host() {
        return self.name();
    }

    private static boolean sameClaim(Optional<Lease> holder, Lease seen) {
        return holder.isPresent() && holder.get().token().equals(seen.token());
    }

    /** Who holds a lease, for messages: "this Tern process (pid 12)" or "another Tern process (pid 12 on h)". */
    public String describe(Lease lease) {
        ProcessIdentity holder = holderOf(lease);
        if (holder.equals(self)) {
            return "this Tern process (pid " + self.pid() + ")";
        }
        return "another Tern process (" + holder.describe() + ")";
    }

    /** The holder of {@code name} if its lease is live; an expired lease, or one whose process is gone, is ended. */
    private Optional<Lease> liveHolder(String name) {
        Optional<Lease> lease = db.read(c -> store.find(c, name));
        if (lease.isEmpty() || isLive(lease.get())) {
            return lease;
        }
        Lease dead = lease.get();
        log.info("Lease {} of {} ended without its holder; taking over", name, describe(dead));
        db.transaction(c -> {
            store.delete(c, name, dead.token());
            return null;
        });
        return Optional.empty();
    }

    private boolean isLive(Lease lease) {
        return clock.instant().isBefore(lease.expiresAt()) && self.mayBeAlive(holderOf(lease));
    }

    private static ProcessIdentity holderOf(Lease lease) {
        return new ProcessIdentity(lease.host(), lease.pid());
    }

    private Optional<Held> take(String name) {
        Instant now = clock.instant();
        Lease lease = new Lease(name, UUID.randomUUID().toString(), self.pid(), self.name(), now, now.plus(TTL));
        boolean taken = db.transaction(c -> store.insert(c, lease));
        return taken ? Optional.of(new Held(lease)) : Optional.empty();
    }

    /**
     * A lease this process holds, renewed in the background until it is closed. When a renewal fails (the lease was
     * taken, or the database did not answer before it could expire), the lease counts as lost: the thread that took
     * it is interrupted, so that its work stops instead of going on beside a new holder.
     */
    public final class Held implements AutoCloseable {

        private final Lease lease;
        private final Thread renewer;
        private volatile boolean lost;
        private volatile boolean closed;
        /** The thread running {@link #during} now, which a lost lease interrupts; guarded by this. */
        private Thread working;

        private Held(Lease lease) {
            this.lease = lease;
            this.renewer = Thread.ofVirtual().name("lease-" + lease.name()).start(this::renewUntilClosed);
        }

        /**
         * Runs {@code work}, then ends the lease (also when the work throws). When the lease was lost meanwhile, the
         * work was interrupted; the interrupt is cleared here so that the thread's later work is unaffected.
         */
        public <T> T during(Supplier<T> work) {
            synchronized (this) {
                working = Thread.currentThread();
            }
            try {
                return work.get();
            } finally {
                synchronized (this) {
                    working = null;
                    if (lost) {
                        Thread.interrupted();
                    }
                }
                close();
            }
        }

        /** Ends the lease; the work is free for others. */
        @Override
        public void close() {
            closed = true;
            renewer.interrupt();
            try {
                db.transaction(c -> {
                    store.delete(c, lease.name(), lease.token());
                    return null;
                });
            } catch (RuntimeException e) {
                log.warn(
                        "Could not release lease {} (it ends by itself within {}s): {}",
                        lease.name(),
                        TTL.toSeconds(),
                        e.getMessage());
            }
        }

        private void renewUntilClosed() {
            try {
                while (!closed) {
                    renewSleeper.sleep(RENEW_EVERY);
                    if (closed) {
                        return;
                    }
                    if (!renew()) {
                        log.warn("Lease {} was lost; stopping the work that held it", lease.name());
                        stopWork();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // closed
            }
        }

        private synchronized void stopWork() {
            lost = true;
            if (working != null) {
                working.interrupt();
            }
        }

        private boolean renew() {
            try {
                return db.transaction(c -> store.renew(
                        c, lease.name(), lease.token(), clock.instant().plus(TTL)));
            } catch (RuntimeException e) {
                // not renewed: by the time the database answers again another process may have taken it
                log.warn("Could not renew lease {}: {}", lease.name(), e.getMessage());
                return false;
            }
        }
    }
}

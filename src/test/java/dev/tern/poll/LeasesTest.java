package dev.tern.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.store.Database;
import dev.tern.store.Lease;
import dev.tern.store.LeaseStore;
import dev.tern.testing.MutableClock;
import dev.tern.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Leases on a real H2: one holder at a time, whoever asks; a lease whose holder died ends; a waiter sees the holder
 * finish. Other processes are played by lease rows written as they would write them.
 */
final class LeasesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Database db = TestDatabases.fresh();
    private final MutableClock clock = MutableClock.fixed();
    private final LeaseStore store = new LeaseStore();
    private final Leases leases = new Leases(db, store, clock, clock::advance);

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aLeaseHeldElsewhereIsBusyUntilReleasedThenTaken() throws Exception {
        Lease other = otherProcess("source:acme", 4242, "elsewhere", Leases.TTL);

        Leases.Claim whileHeld = leases.claim("source:acme", WAIT, Leases.Mode.TAKE);
        db.transaction(c -> {
            store.delete(c, other.name(), other.token());
            return null;
        });
        Leases.Claim afterRelease = leases.claim("source:acme", WAIT, Leases.Mode.TAKE);

        assertThat(whileHeld).isEqualTo(new Leases.Busy(other, false));
        assertThat(leases.describe(other)).isEqualTo("another Tern process (pid 4242 on elsewhere)");
        assertThat(afterRelease).isInstanceOf(Leases.Granted.class);
    }

    @Test
    void aLeaseThatExpiredOrWhoseLocalProcessIsGoneIsTakenAtOnce() throws Exception {
        otherProcess("source:expired", 4242, "elsewhere", Duration.ofSeconds(-1));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        otherProcess("source:crashed", gone.pid(), leases.host(), Leases.TTL);

        assertThat(leases.claim("source:expired", Duration.ZERO, Leases.Mode.TAKE))
                .isInstanceOf(Leases.Granted.class);
        assertThat(leases.claim("source:crashed", Duration.ZERO, Leases.Mode.TAKE))
                .isInstanceOf(Leases.Granted.class);
    }

    @Test
    void waitingForTheEndReportsThatTheHolderFinished() throws Exception {
        Lease other = otherProcess("source:acme", 4242, "elsewhere", Leases.TTL);
        Leases finishing = new Leases(db, store, clock, waited -> {
            clock.advance(waited);
            db.transaction(c -> {
                store.delete(c, other.name(), other.token());
                return null;
            });
        });

        assertThat(finishing.claim("source:acme", WAIT, Leases.Mode.AWAIT_END)).isEqualTo(new Leases.Busy(other, true));
        Optional<Lease> after = db.read(c -> store.find(c, "source:acme"));
        assertThat(after).as("not taken").isEmpty();
    }

    @Test
    void aReleasedLeaseIsFreeAndOnlyOneOfManyClaimsAtOnceWins() throws Exception {
        var first = (Leases.Granted) leases.claim("outbox", Duration.ZERO, Leases.Mode.TAKE);
        first.lease().close();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Leases.Claim>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Leases process = new Leases(db, store, clock, clock::advance);
                claims.add(() -> process.claim("outbox", Duration.ZERO, Leases.Mode.TAKE));
            }
            List<Leases.Claim> outcomes = new ArrayList<>();
            for (Future<Leases.Claim> outcome : pool.invokeAll(claims)) {
                outcomes.add(outcome.get());
            }

            assertThat(outcomes).filteredOn(Leases.Granted.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Leases.Busy.class::isInstance).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseLeftByAnEarlierJvmWithThisPidOnThisHostIsTakenAtOnce() throws Exception {
        // a container restarted: same host name, the new JVM got the old one's pid (often 1)
        String hostName = leases.host().substring(0, leases.host().lastIndexOf('#'));
        otherProcess("source:restarted", ProcessHandle.current().pid(), hostName + "#0ldjvm00", Leases.TTL);
        otherProcess("outbox", ProcessHandle.current().pid(), hostName, Leases.TTL); // written by an older Tern

        assertThat(leases.claim("source:restarted", Duration.ZERO, Leases.Mode.TAKE))
                .isInstanceOf(Leases.Granted.class);
        assertThat(leases.claim("outbox", Duration.ZERO, Leases.Mode.TAKE)).isInstanceOf(Leases.Granted.class);
    }

    @Test
    void aHeldLeaseIsRenewedWhileItsWorkRuns() throws Exception {
        Ticks ticks = new Ticks();
        Leases renewing = new Leases(db, store, clock, clock::advance, ticks::sleep);
        var granted = (Leases.Granted) renewing.claim("outbox", Duration.ZERO, Leases.Mode.TAKE);

        for (int i = 0; i < 3; i++) {
            ticks.renewOnce();
        }

        Lease now = db.read(c -> store.find(c, "outbox")).orElseThrow();
        assertThat(now.expiresAt()).isEqualTo(clock.instant().plus(Leases.TTL));
        granted.lease().close();
        Optional<Lease> released = db.read(c -> store.find(c, "outbox"));
        assertThat(released).isEmpty();
    }

    @Test
    void aLeaseLostToAnotherHolderStopsItsWork() throws Exception {
        Ticks ticks = new Ticks();
        Leases renewing = new Leases(db, store, clock, clock::advance, ticks::sleep);
        var granted = (Leases.Granted) renewing.claim("outbox", Duration.ZERO, Leases.Mode.TAKE);

        String outcome = granted.lease().during(() -> {
            // it expired unseen and another process took it
            db.transaction(c -> {
                store.delete(
                        c,
                        "outbox",
                        db.read(r -> store.find(r, "outbox")).orElseThrow().token());
                return null;
            });
            otherProcess("outbox", 4242, "elsewhere", Leases.TTL);
            ticks.release();
            return waitForInterrupt();
        });

        assertThat(outcome).isEqualTo("stopped");
        assertThat(Thread.currentThread().isInterrupted())
                .as("interrupt cleared after the work")
                .isFalse();
        assertThat(db.read(c -> store.find(c, "outbox")).orElseThrow().pid()).isEqualTo(4242);
    }

    @Test
    void aRenewalTheDatabaseRefusesCountsAsLost() throws Exception {
        Ticks ticks = new Ticks();
        Leases renewing = new Leases(db, store, clock, clock::advance, ticks::sleep);
        var granted = (Leases.Granted) renewing.claim("outbox", Duration.ZERO, Leases.Mode.TAKE);

        String outcome = granted.lease().during(() -> {
            db.close();
            ticks.release();
            return waitForInterrupt();
        });

        assertThat(outcome).isEqualTo("stopped");
    }

    private static String waitForInterrupt() {
        try {
            Thread.sleep(Duration.ofSeconds(10));
            return "went on";
        } catch (InterruptedException e) {
            return "stopped";
        }
    }

    /** A renewer's sleeper the test steps: each renewal waits for a tick, then moves the clock on. */
    private final class Ticks {
        private final Semaphore ticks = new Semaphore(0);
        private final Semaphore waiting = new Semaphore(0);

        void sleep(Duration duration) throws InterruptedException {
            waiting.release();
            ticks.acquire();
            clock.advance(duration);
        }

        void release() {
            ticks.release();
        }

        /** Lets one renewal happen and waits until the renewer sleeps again. */
        void renewOnce() throws InterruptedException {
            assertThat(waiting.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            ticks.release();
            assertThat(waiting.tryAcquire(5, TimeUnit.SECONDS))
                    .as("renewer sleeps again")
                    .isTrue();
            waiting.release();
        }
    }

    private Lease otherProcess(String name, long pid, String host, Duration left) {
        Lease lease = new Lease(
                name,
                "token-" + name,
                pid,
                host,
                clock.instant(),
                clock.instant().plus(left));
        db.transaction(c -> store.insert(c, lease));
        return lease;
    }
}

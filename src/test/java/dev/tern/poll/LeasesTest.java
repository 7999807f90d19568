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

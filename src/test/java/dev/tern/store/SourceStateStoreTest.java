package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.source.CacheTags;
import dev.tern.testing.TestDatabases;
import dev.tern.testing.TestDatabases.Vendor;
import java.sql.Connection;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Vendor.class)
final class SourceStateStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(900);

    private final Database db;
    private final SourceStateStore store = new SourceStateStore();

    SourceStateStoreTest(Vendor vendor) {
        db = TestDatabases.fresh(vendor);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSourceNeverPolledIsUnseededWithoutTags() {
        SourceState state = db.read(c -> store.get(c, "s1"));

        assertThat(state).isEqualTo(SourceState.initial("s1"));
        assertThat(state.etag()).isNull();
        assertThat(state.lastModified()).isNull();
    }

    @Test
    void keepsTheValidatorsOfASuccessAcrossFailuresAndNotModifiedPolls() {
        CacheTags tags = new CacheTags("\"v1\"", "Wed, 14 Jan 2026 10:00:00 GMT");
        db.transaction(c -> {
            store.markSeeded(c, "s1");
            store.recordSuccess(c, "s1", tags.etag(), tags.lastModified(), NOW);
            store.recordFailure(c, "s1", "HTTP 500", LATER);
            store.recordNotModified(c, "s1", LATER);
            return null;
        });

        SourceState state = db.read(c -> store.get(c, "s1"));
        assertThat(state.seeded()).isTrue();
        assertThat(new CacheTags(state.etag(), state.lastModified())).isEqualTo(tags);
        assertThat(state.lastSuccess()).isEqualTo(LATER);
        assertThat(state.consecutiveFailures()).isZero();
        assertThat(state.lastError()).isNull();
    }

    @Test
    void countsConsecutiveFailuresUntilASuccess() {
        int first = db.transaction(c -> store.recordFailure(c, "s1", "timeout", NOW));
        int second = db.transaction(c -> store.recordFailure(c, "s1", "HTTP 503", LATER));

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        SourceState failing = db.read(c -> store.get(c, "s1"));
        assertThat(failing.lastError()).isEqualTo("HTTP 503");
        assertThat(failing.lastAttempt()).isEqualTo(LATER);
        assertThat(failing.seeded()).isFalse();

        db.transaction(c -> {
            store.recordSuccess(c, "s1", null, null, LATER);
            return null;
        });
        assertThat(db.read((Connection c) -> store.get(c, "s1").consecutiveFailures()))
                .isZero();
    }

    @Test
    void degradedKeepsWhenItStartedUntilCleared() {
        db.transaction(c -> {
            store.markDegraded(c, "s1", "would close 3 of 4", NOW);
            store.markDegraded(c, "s1", "would close 4 of 4", LATER);
            return null;
        });

        SourceState degraded = db.read(c -> store.get(c, "s1"));
        assertThat(degraded.degraded()).isTrue();
        assertThat(degraded.degradedReason()).isEqualTo("would close 4 of 4");
        assertThat(degraded.degradedSince()).isEqualTo(NOW);

        db.transaction(c -> {
            store.clearDegraded(c, "s1");
            return null;
        });
        SourceState cleared = db.read(c -> store.get(c, "s1"));
        assertThat(cleared.degraded()).isFalse();
        assertThat(cleared.degradedReason()).isNull();
        assertThat(cleared.degradedSince()).isNull();
    }

    @Test
    void listsEverySourceEverPolled() {
        db.transaction(c -> {
            store.recordFailure(c, "b", "x", NOW);
            store.scheduleNextPoll(c, "a", LATER);
            return null;
        });

        assertThat(db.read(store::all)).extracting(SourceState::sourceId).containsExactly("a", "b");
        assertThat(db.read((Connection c) -> store.get(c, "a").nextPollAt())).isEqualTo(LATER);
    }
}

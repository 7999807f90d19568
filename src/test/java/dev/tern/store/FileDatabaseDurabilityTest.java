package dev.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file database keeps what it committed when the process dies the next instant, and a thread interrupted while
 * it commits does not close the database: both matter to an outbox that records a message before sending it.
 */
final class FileDatabaseDurabilityTest {

    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aCommitSurvivesTheProcessDyingRightAfterIt() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tern");
        Process child = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CommitThenDie.class.getName(),
                        url))
                .inheritIO()
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(CommitThenDie.EXIT);

        try (Database db = Database.open(url, "", "")) {
            assertThat(db.read(c -> new SourceStateStore().get(c, CommitThenDie.SOURCE))
                            .seeded())
                    .isTrue();
        }
    }

    @Test
    void aCommitOnAnInterruptedThreadLeavesTheDatabaseOpen() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("tern"), "", "")) {
            Thread.currentThread().interrupt();
            db.transaction(c -> {
                new SourceStateStore().markSeeded(c, "a");
                return null;
            });
            Thread.interrupted();
            db.transaction(c -> {
                new SourceStateStore().markSeeded(c, "b");
                return null;
            });

            assertThat(db.read(c -> new SourceStateStore().get(c, "b")).seeded())
                    .isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    /** Commits one change and halts at once: no shutdown hook, no close, as under SIGKILL. */
    static final class CommitThenDie {
        static final String SOURCE = "committed";
        static final int EXIT = 9;

        public static void main(String[] args) {
            Database db = Database.open(args[0], "", "");
            db.transaction(c -> {
                new SourceStateStore().markSeeded(c, SOURCE);
                return null;
            });
            Runtime.getRuntime().halt(EXIT);
        }
    }
}

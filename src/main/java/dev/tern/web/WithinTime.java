package dev.tern.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a read that may hang (a database that stopped answering makes the pool wait for its own timeout) on a
 * virtual thread, and gives up waiting for it after a deadline; the read itself ends when its own timeout does.
 */
final class WithinTime {

    private WithinTime() {}

    /** The value, or empty when the read failed or took longer than {@code limit}. */
    static <T> Optional<T> get(Supplier<T> read, Duration limit) {
        FutureTask<T> task = new FutureTask<>(read::get);
        Thread.ofVirtual().name("tern-web-read").start(task);
        try {
            return Optional.ofNullable(task.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}

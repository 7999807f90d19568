package dev.tern.source;

import java.time.Duration;

/** Waits between retries; tests pass one that records the wait instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the current thread. */
    Sleeper SYSTEM = Thread::sleep;

    /** Waits for {@code duration}, or throws when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}

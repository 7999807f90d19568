package dev.tern.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a value the main thread waits for, so that {@code tern run} stops in order and
 * exits 0 instead of dying with 143.
 */
final class StopSignal {

    private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

    private final CompletableFuture<String> received = new CompletableFuture<>();

    private StopSignal() {}

    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.received.complete("SIG" + s.getName()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.warn("Cannot handle SIG{} here ({}); stop Tern with the other signal", name, e.getMessage());
            }
        }
        return stop;
    }

    /** Blocks until a stop signal arrives; returns its name. */
    String await() throws InterruptedException {
        try {
            return received.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}

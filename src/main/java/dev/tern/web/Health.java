package dev.tern.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Liveness (the process and its scheduler threads are alive: no dependency is asked) and readiness (each named
 * check passes within a few seconds).
 */
public final class Health {

    static final Duration CHECK_LIMIT = Duration.ofSeconds(3);

    private final BooleanSupplier alive;
    private final List<Check> checks;

    /**
     * @param alive whether the scheduler's threads are alive
     * @param checks what must pass for Tern to be ready, in the order they are reported
     */
    public Health(BooleanSupplier alive, List<Check> checks) {
        this.alive = alive;
        this.checks = List.copyOf(checks);
    }

    /**
     * One readiness check.
     *
     * @param name how {@code /readyz} names it ("database", "scheduler", "bot")
     * @param problem what is wrong, or empty when it passes
     */
    public record Check(String name, Supplier<Optional<String>> problem) {}

    boolean alive() {
        return alive.getAsBoolean();
    }

    /** Every check's result by name: "ok" or what is wrong. */
    Map<String, String> ready() {
        Map<String, String> results = new LinkedHashMap<>();
        for (Check check : checks) {
            Optional<String> problem = WithinTime.get(() -> check.problem().get(), CHECK_LIMIT)
                    .orElse(Optional.of("no answer within " + CHECK_LIMIT.toSeconds() + "s"));
            results.put(check.name(), problem.orElse(OK));
        }
        return results;
    }

    static final String OK = "ok";
}

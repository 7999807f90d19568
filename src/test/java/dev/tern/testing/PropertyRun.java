package dev.tern.testing;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One run of a property test: a seeded generator and a tally of what was tried, by kind. The seed is fixed by
 * default so the build is repeatable; {@code -Dtern.seed=N} replaces it (every failure message names the seed, so
 * a failing case can be run again). {@link #report()} prints the tally, so a reader of the test output sees what
 * the run covered.
 */
public final class PropertyRun {

    /** The system property that replaces the default seed. */
    public static final String SEED_PROPERTY = "tern.seed";

    private final String name;
    private final long seed;
    private final Random random;
    private final Map<String, Integer> tally = new TreeMap<>();

    private PropertyRun(String name, long seed) {
        this.name = name;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** A run with {@code defaultSeed}, or the seed given by {@code -Dtern.seed}. */
    public static PropertyRun start(String name, long defaultSeed) {
        return new PropertyRun(name, Long.getLong(SEED_PROPERTY, defaultSeed));
    }

    public Random random() {
        return random;
    }

    /** Counts one case of {@code kind}. */
    public synchronized void count(String kind) {
        tally.merge(kind, 1, Integer::sum);
    }

    /** How many cases of {@code kind} were counted. */
    public synchronized int counted(String kind) {
        return tally.getOrDefault(kind, 0);
    }

    /** "seed N (re-run with -Dtern.seed=N)", for failure messages. */
    public String seedNote() {
        return "seed " + seed + " (re-run with -D" + SEED_PROPERTY + "=" + seed + ")";
    }

    /** The tally, one kind per line, under a heading with the seed; also printed to stdout. */
    public synchronized String report() {
        StringBuilder out =
                new StringBuilder().append(name).append(": ").append(seedNote()).append('\n');
        tally.forEach((kind, count) -> out.append(String.format("  %-44s %6d%n", kind, count)));
        System.out.print(out);
        return out.toString();
    }
}

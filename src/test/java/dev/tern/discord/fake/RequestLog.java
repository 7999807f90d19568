package dev.tern.discord.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Every REST request the fake answered, in order, with waits for the ones a test expects. */
final class RequestLog {

    private final List<Recorded> all = new ArrayList<>();
    private final List<Recorded> unknown = new ArrayList<>();

    synchronized void add(Recorded request, boolean unknownRoute) {
        all.add(request);
        if (unknownRoute) {
            unknown.add(request);
        }
        notifyAll();
    }

    synchronized List<Recorded> all() {
        return List.copyOf(all);
    }

    synchronized List<Recorded> unknownRoutes() {
        return List.copyOf(unknown);
    }

    synchronized List<Recorded> matching(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return all.stream()
                .filter(r -> r.method().equalsIgnoreCase(method)
                        && path.matcher(r.path()).matches())
                .toList();
    }

    /** Waits until {@code count} matching requests have arrived and returns the {@code count}-th. */
    synchronized Recorded await(String method, String pathRegex, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            List<Recorded> found = matching(method, pathRegex);
            while (found.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " request(s) " + method + " " + pathRegex
                            + " within " + timeout + ", got " + found.size() + "; all requests: " + all);
                }
                wait(Math.max(1, left / 1_000_000));
                found = matching(method, pathRegex);
            }
            return found.get(count - 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + method + " " + pathRegex, e);
        }
    }

    synchronized void clear() {
        all.clear();
        unknown.clear();
    }

    /** The requests so far, one a line, for a failure message. */
    synchronized String describe() {
        List<String> lines = new ArrayList<>();
        all.forEach(r -> lines.add(r.toString()));
        return String.join("\n", lines);
    }
}

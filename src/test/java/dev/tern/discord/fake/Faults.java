package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The failures a test asked the fake to answer instead of the normal response, one-shot or for good. */
final class Faults {

    static final int FOREVER = -1;

    private final List<Rule> rules = new ArrayList<>();

    synchronized void add(String method, String pathRegex, int times, Fault fault) {
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), times, fault));
    }

    /** The first matching failure, used up if it was one-shot. */
    synchronized Optional<Fault> take(String method, String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.method.equals(method) && rule.path.matcher(path).matches()) {
                if (rule.remaining != FOREVER && --rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        rules.clear();
    }

    /**
     * What to answer instead.
     *
     * @param status the HTTP status
     * @param body the JSON body
     * @param retryAfter for a 429, how long JDA must wait (sent as rate-limit headers); null otherwise
     */
    record Fault(int status, JsonNode body, Duration retryAfter) {}

    private static final class Rule {
        private final String method;
        private final Pattern path;
        private final Fault fault;
        private int remaining;

        private Rule(String method, Pattern path, int remaining, Fault fault) {
            this.method = method;
            this.path = path;
            this.remaining = remaining;
            this.fault = fault;
        }
    }
}

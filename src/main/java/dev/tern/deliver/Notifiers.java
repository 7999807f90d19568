package dev.tern.deliver;

import dev.tern.config.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifiers the outbox can use, and the targets none of them handles (a Discord target while the bot is off):
 * those wait in the outbox, untouched, and are named once in the log.
 */
final class Notifiers {

    private static final Logger log = LoggerFactory.getLogger(Notifiers.class);

    private final List<Notifier> all;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Notifiers(List<Notifier> all) {
        this.all = List.copyOf(all);
    }

    Optional<Notifier> forTarget(String target) {
        return all.stream().filter(n -> n.handles(target)).findFirst();
    }

    /**
     * Runs {@code query} (which leaves out the targets it is given) until every row it returns has a notifier; the
     * targets found without one are added to {@code unhandled}, so later queries of the same drain skip them.
     */
    <T> List<T> handled(Set<String> unhandled, Function<Set<String>, List<T>> query, Function<T, String> targetOf) {
        while (true) {
            List<T> rows = query.apply(Set.copyOf(unhandled));
            Set<String> found = new LinkedHashSet<>();
            rows.stream()
                    .map(targetOf)
                    .filter(target -> forTarget(target).isEmpty())
                    .forEach(found::add);
            if (found.isEmpty()) {
                return rows;
            }
            found.stream()
                    .filter(warned::add)
                    .forEach(target -> log.warn(
                            "No notifier delivers to {} (is its bot or webhook configured?); its alerts wait in the outbox",
                            Target.displayOf(target)));
            unhandled.addAll(found);
        }
    }
}

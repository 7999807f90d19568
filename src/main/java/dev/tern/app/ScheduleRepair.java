package dev.tern.app;

import dev.tern.config.SourceConfig;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger.TriggerState;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every configured source on a clustered schedule. Each poll schedules the next one itself, so a source whose
 * trigger is gone would never be polled again, and nobody would be told: the reschedule failed (the database did
 * not answer), or an instance that does not have the source in its configuration took its turn, or Quartz put the
 * trigger in its ERROR state. Checked every resync: a trigger in ERROR is reset, and a source found without a
 * trigger twice in a row (once could be a reschedule in flight) is scheduled again at once, with a warning.
 */
final class ScheduleRepair {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRepair.class);

    private final Scheduler scheduler;
    private final String group;
    private final Supplier<Collection<SourceConfig>> sources;
    private final Supplier<Instant> now;
    private final BiPredicate<SourceConfig, Instant> scheduleAt;
    /** Sources seen without a trigger at the last check; touched by the resync thread only. */
    private final Set<String> missing = new HashSet<>();

    /**
     * @param group the Quartz group of the poll triggers (named by source id)
     * @param scheduleAt schedules a source's next poll; false when Quartz refused (logged by it)
     */
    ScheduleRepair(
            Scheduler scheduler,
            String group,
            Supplier<Collection<SourceConfig>> sources,
            Supplier<Instant> now,
            BiPredicate<SourceConfig, Instant> scheduleAt) {
        this.scheduler = scheduler;
        this.group = group;
        this.sources = sources;
        this.now = now;
        this.scheduleAt = scheduleAt;
    }

    /** Repairs what it can; returns the sources scheduled again. */
    Set<String> check() {
        Set<String> repaired = new HashSet<>();
        for (SourceConfig source : sources.get()) {
            try {
                if (repair(source)) {
                    repaired.add(source.id());
                }
            } catch (SchedulerException e) {
                log.warn(
                        "Could not check the schedule of source {}; trying again later: {}",
                        source.id(),
                        e.getMessage());
            }
        }
        return repaired;
    }

    private boolean repair(SourceConfig source) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(source.id(), group);
        TriggerState state = scheduler.getTriggerState(key);
        if (state == TriggerState.ERROR) {
            log.warn("The scheduled poll of source {} was in Quartz's ERROR state; reset", source.id());
            scheduler.resetTriggerFromErrorState(key);
            return false;
        }
        if (state != TriggerState.NONE) {
            missing.remove(source.id());
            return false;
        }
        if (missing.add(source.id())) {
            return false;
        }
        missing.remove(source.id());
        log.warn(
                "Source {} had no scheduled poll (a reschedule failed, or an instance without it in its"
                        + " configuration took its turn); polling it now",
                source.id());
        return scheduleAt.test(source, now.get());
    }
}

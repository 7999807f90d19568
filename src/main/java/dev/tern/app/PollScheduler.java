package dev.tern.app;

import dev.tern.config.SourceConfig;
import dev.tern.poll.PollEvent;
import dev.tern.poll.Poller;
import dev.tern.poll.SourceStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the polls on schedule with Quartz: one job per source that reschedules itself after every run (interval or
 * cron, jitter, failure backoff), and one job that drains the outbox every few seconds. A job catches and logs its
 * own failure, so one bad run never stops the schedule.
 */
public final class PollScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    static final Duration DELIVERY_PERIOD = Duration.ofSeconds(5);
    /** Sources start this far apart, so that a restart does not fire every request at once. */
    static final Duration START_STAGGER = Duration.ofSeconds(2);

    private static final String POLL_GROUP = "poll";
    private static final int THREADS = 8;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Map<String, SourceConfig> sources;
    private final Poller poller;
    private final SourceStates states;
    private final Runnable deliver;
    private final Clock clock;
    private final NextPoll nextPoll;
    private final Report reporter;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Scheduler scheduler;

    public PollScheduler(
            List<SourceConfig> sources,
            Poller poller,
            SourceStates states,
            Runnable deliver,
            Clock clock,
            RandomGenerator random,
            Report reporter)
            throws SchedulerException {
        this.sources = new ConcurrentHashMap<>();
        sources.forEach(s -> this.sources.put(s.id(), s));
        this.poller = poller;
        this.states = states;
        this.deliver = deliver;
        this.clock = clock;
        this.nextPoll = new NextPoll(random);
        this.reporter = reporter;
        this.scheduler = new StdSchedulerFactory(quartzProperties()).getScheduler();
        scheduler.setJobFactory(
                (bundle, ignored) -> newJob(bundle.getJobDetail().getJobClass()));
    }

    /** Told what each scheduled poll returned, and how long it took (logs, metrics). */
    @FunctionalInterface
    public interface Report {
        void polled(String sourceId, List<PollEvent> events, Duration took);
    }

    /** Schedules every source (staggered, starting now) and the delivery job, and starts Quartz. */
    public void start() throws SchedulerException {
        Instant first = clock.instant();
        for (SourceConfig source : sources.values()) {
            JobDetail job = JobBuilder.newJob(PollJob.class)
                    .withIdentity(source.id(), POLL_GROUP)
                    .build();
            scheduler.scheduleJob(job, oneShot(source.id(), first));
            first = first.plus(START_STAGGER);
        }
        JobDetail deliver =
                JobBuilder.newJob(DeliverJob.class).withIdentity("deliver").build();
        Trigger every = TriggerBuilder.newTrigger()
                .withIdentity("deliver")
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(DELIVERY_PERIOD.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        scheduler.scheduleJob(deliver, every);
        scheduler.start();
        log.info(
                "Scheduler started: {} source(s), outbox drained every {}s",
                sources.size(),
                DELIVERY_PERIOD.toSeconds());
    }

    /** Whether Quartz's threads are alive: created and not shut down (liveness asks no more). */
    public boolean alive() {
        try {
            return !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Whether polls are being scheduled: started, not paused and not shut down (readiness). */
    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops Quartz: no new polls start, running ones are interrupted (an HTTP wait ends at once), then joined. */
    @Override
    public void close() {
        try {
            scheduler.standby();
            for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
                // only polls wait on the network; a delivery in progress is let finish, so its rows are recorded
                if (running.getJobInstance() instanceof InterruptableJob) {
                    scheduler.interrupt(running.getFireInstanceId());
                }
            }
        } catch (SchedulerException e) {
            log.warn("Could not interrupt the running polls: {}", e.getMessage());
        }
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    void runPoll(String sourceId) {
        // every log line of this poll names its source (a field of its own in JSON logs)
        try (MDC.MDCCloseable ignored = MDC.putCloseable("source", sourceId)) {
            pollAndDeliver(sourceId);
        }
    }

    private void pollAndDeliver(String sourceId) {
        if (stopping()) {
            return;
        }
        SourceConfig source = sources.get(sourceId);
        int failed = failures.getOrDefault(sourceId, 0);
        try {
            long start = System.nanoTime();
            List<PollEvent> events = poller.poll(source, false);
            reporter.polled(sourceId, events, Duration.ofNanos(System.nanoTime() - start));
            failed = events.stream().anyMatch(e -> e instanceof PollEvent.SourceFailed) ? failed + 1 : 0;
        } catch (RuntimeException e) {
            failed++;
            log.error("Poll of source {} failed unexpectedly; it stays scheduled", sourceId, e);
        }
        if (stopping()) {
            return;
        }
        // alerts go out right after the poll that queued them; a delivery problem is not the source's failure
        runDeliveries();
        failures.put(sourceId, failed);
        reschedule(source, failed);
    }

    private boolean stopping() {
        try {
            return Thread.currentThread().isInterrupted() || scheduler.isInStandbyMode() || scheduler.isShutdown();
        } catch (SchedulerException e) {
            return true;
        }
    }

    private void reschedule(SourceConfig source, int failed) {
        Instant next = nextPoll.after(source, clock.instant(), failed);
        try {
            scheduler.rescheduleJob(TriggerKey.triggerKey(source.id(), POLL_GROUP), oneShot(source.id(), next));
            remember(source.id(), next);
            if (failed > 0) {
                log.warn("Source {} failed {} time(s) in a row; next try at {}", source.id(), failed, next);
            } else {
                log.debug("Source {} next poll at {}", source.id(), next);
            }
        } catch (SchedulerException e) {
            log.error("Could not reschedule source {}; it will not be polled again until restart", source.id(), e);
        }
    }

    private void remember(String sourceId, Instant next) {
        try {
            states.recordNextPoll(sourceId, next);
        } catch (RuntimeException e) {
            log.warn("Could not record the next poll of source {}: {}", sourceId, e.getMessage());
        }
    }

    void runDeliveries() {
        try {
            deliver.run();
        } catch (RuntimeException e) {
            log.error("Draining the outbox failed; will try again in {}s", DELIVERY_PERIOD.toSeconds(), e);
        }
    }

    private Job newJob(Class<? extends Job> type) {
        if (type == PollJob.class) {
            return new PollJob(this);
        }
        if (type == DeliverJob.class) {
            return new DeliverJob(this);
        }
        throw new AssertionError("unknown job class " + type);
    }

    private static Trigger oneShot(String sourceId, Instant at) {
        return TriggerBuilder.newTrigger()
                .withIdentity(sourceId, POLL_GROUP)
                .forJob(JobKey.jobKey(sourceId, POLL_GROUP))
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    private static Properties quartzProperties() {
        Properties props = new Properties();
        props.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "tern-" + INSTANCES.incrementAndGet());
        props.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        props.setProperty("org.quartz.threadPool.threadNamePrefix", "tern-poll");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        props.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return props;
    }

    /** One poll of one source; the job key's name is the source id. Interrupting it ends a waiting fetch. */
    @DisallowConcurrentExecution
    static final class PollJob implements InterruptableJob {
        private final PollScheduler owner;
        private volatile Thread runner;

        PollJob(PollScheduler owner) {
            this.owner = owner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            runner = Thread.currentThread();
            try {
                owner.runPoll(context.getJobDetail().getKey().getName());
            } finally {
                runner = null;
                Thread.interrupted();
            }
        }

        @Override
        public void interrupt() {
            Thread running = runner;
            if (running != null) {
                running.interrupt();
            }
        }
    }

    /** Drains the outbox. */
    @DisallowConcurrentExecution
    static final class DeliverJob implements Job {
        private final PollScheduler owner;

        DeliverJob(PollScheduler owner) {
            this.owner = owner;
        }

        @Override
        public void execute(JobExecutionContext context) {
            owner.runDeliveries();
        }
    }
}

package dev.tern.app;

import dev.tern.config.SourceConfig;
import dev.tern.poll.PollEvent;
import dev.tern.poll.Poller;
import dev.tern.poll.SourceStates;
import dev.tern.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the polls on schedule with Quartz: one job per source that reschedules itself after every run (interval or
 * cron, jitter, failure backoff), and a drain of the outbox every few seconds. A job catches and logs its own
 * failure, so one bad run never stops the schedule.
 *
 * <p>On H2 (one instance) Quartz keeps the schedule in memory and the outbox drain is a Quartz job too. On a shared
 * PostgreSQL store Quartz keeps it in the database as a cluster ({@code qrtz_*} tables): every instance runs the
 * same schedule, each poll fires on exactly one of them, and the polls of an instance that stops checking in are
 * recovered by another. Each instance then drains the outbox on a timer of its own, since each delivers what only
 * it can (the gateway leader's Discord targets).
 */
public final class PollScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    static final Duration DELIVERY_PERIOD = Duration.ofSeconds(5);
    /** Sources start this far apart, so that a restart does not fire every request at once. */
    static final Duration START_STAGGER = Duration.ofSeconds(2);

    /** How often a clustered instance checks in; one silent for about this long is taken for dead. */
    static final Duration CLUSTER_CHECKIN = Duration.ofMillis(7_500);

    private static final String POLL_GROUP = "poll";
    private static final String CLUSTER_NAME = "tern";
    private static final int THREADS = 8;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** Where Quartz keeps the schedule. */
    public sealed interface Store {}

    /** In memory: one instance alone (H2). */
    public record InMemory() implements Store {}

    /**
     * In the shared database as a Quartz cluster (PostgreSQL): several instances run one schedule.
     *
     * @param resync re-reads what other instances may have changed in the database (the subscriptions made through
     *     the leader's slash commands), every {@link #RESYNC_EVERY}
     */
    public record Clustered(Database database, Runnable resync) implements Store {}

    /**
     * How often a clustered instance re-reads the subscriptions that other instances may have changed, and checks
     * that every source it has is on the schedule ({@link ScheduleRepair}).
     */
    static final Duration RESYNC_EVERY = Duration.ofSeconds(15);

    /** How long the poll of a source an instance does not have waits for an instance that has it. */
    static final Duration HAND_BACK = Duration.ofMinutes(1);

    /** The store that fits the services' database: clustered when it is a shared (PostgreSQL) one. */
    public static Store storeFor(Services services) {
        return services.database().shared()
                ? new Clustered(services.database(), services.live()::refresh)
                : new InMemory();
    }

    private final Map<String, SourceConfig> sources;
    private final Poller poller;
    private final SourceStates states;
    private final Runnable deliver;
    private final Clock clock;
    private final NextPoll nextPoll;
    private final Report reporter;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Scheduler scheduler;
    private final Store store;
    private final boolean clustered;
    private final ScheduledExecutorService localDeliveries;

    public PollScheduler(
            Store store,
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
        this.store = store;
        this.clustered = store instanceof Clustered;
        this.scheduler = new StdSchedulerFactory(quartzProperties(store)).getScheduler();
        this.localDeliveries = clustered
                ? Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("tern-deliver").daemon().factory())
                : null;
        scheduler.setJobFactory(
                (bundle, ignored) -> newJob(bundle.getJobDetail().getJobClass()));
    }

    /** Told what each scheduled poll returned, and how long it took (logs, metrics). */
    @FunctionalInterface
    public interface Report {
        void polled(String sourceId, List<PollEvent> events, Duration took);
    }

    /**
     * Schedules every source (staggered, starting now) and the outbox drain, and starts Quartz. In a cluster a
     * source another instance already schedules keeps its next poll, and sources no longer configured are dropped.
     */
    public void start() throws SchedulerException {
        Instant first = clock.instant();
        int kept = 0;
        for (SourceConfig source : sources.values()) {
            if (clustered && scheduler.checkExists(TriggerKey.triggerKey(source.id(), POLL_GROUP))) {
                kept++;
                continue;
            }
            JobDetail job = JobBuilder.newJob(PollJob.class)
                    .withIdentity(source.id(), POLL_GROUP)
                    .storeDurably(clustered)
                    .requestRecovery(clustered)
                    .build();
            scheduler.scheduleJob(job, Set.of(oneShot(source.id(), first)), true);
            first = first.plus(START_STAGGER);
        }
        if (store instanceof Clustered cluster) {
            dropUnconfigured();
            ScheduleRepair repair =
                    new ScheduleRepair(scheduler, POLL_GROUP, sources::values, clock::instant, this::scheduleAt);
            localDeliveries.scheduleWithFixedDelay(
                    () -> {
                        resync(cluster.resync());
                        repair.check();
                    },
                    RESYNC_EVERY.toMillis(),
                    RESYNC_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            localDeliveries.scheduleWithFixedDelay(
                    this::runDeliveries, 0, DELIVERY_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            scheduleDeliverJob();
        }
        scheduler.start();
        log.info(
                "Scheduler started{}: {} source(s){}, outbox drained every {}s",
                clustered ? " (clustered on the database, instance " + scheduler.getSchedulerInstanceId() + ")" : "",
                sources.size(),
                kept > 0 ? " (" + kept + " already scheduled by the cluster)" : "",
                DELIVERY_PERIOD.toSeconds());
    }

    private static void resync(Runnable resync) {
        try {
            resync.run();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not re-read the subscriptions; trying again in {}s: {}",
                    RESYNC_EVERY.toSeconds(),
                    e.getMessage());
        }
    }

    private void scheduleDeliverJob() throws SchedulerException {
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
    }

    /** Removes the cluster's polls of sources this configuration no longer has. */
    private void dropUnconfigured() throws SchedulerException {
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(POLL_GROUP))) {
            if (!sources.containsKey(key.getName())) {
                scheduler.deleteJob(key);
                log.info("Source {} is no longer configured; removed from the cluster's schedule", key.getName());
            }
        }
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
        if (localDeliveries != null) {
            localDeliveries.shutdown();
        }
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
        if (localDeliveries != null) {
            try {
                localDeliveries.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void runPoll(String sourceId) {
        // every log line of this poll names its source (a field of its own in JSON logs)
        try (MDC.MDCCloseable ignored = MDC.putCloseable("source", sourceId)) {
            pollAndDeliver(sourceId);
        }
    }

    private void pollAndDeliver(String sourceId) {
        SourceConfig source = sources.get(sourceId);
        if (source == null) {
            log.warn(
                    "Source {} is scheduled by another instance but not in this one's configuration; handed back to"
                            + " the cluster for {}s",
                    sourceId,
                    HAND_BACK.toSeconds());
            handBack(sourceId);
            return;
        }
        if (stopping()) {
            if (clustered) {
                // stopping before it polled: another instance of the cluster polls it now
                scheduleAt(source, clock.instant());
            }
            return;
        }
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
            if (clustered) {
                // the cluster's schedule outlives this instance: the next poll stays scheduled for the others
                reschedule(source, failed);
            }
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
        if (scheduleAt(source, next)) {
            remember(source.id(), next);
            if (failed > 0) {
                log.warn("Source {} failed {} time(s) in a row; next try at {}", source.id(), failed, next);
            } else {
                log.debug("Source {} next poll at {}", source.id(), next);
            }
        }
    }

    /** Replaces the source's trigger with one firing at {@code at}; false (logged) when Quartz refused. */
    private boolean scheduleAt(SourceConfig source, Instant at) {
        try {
            Trigger trigger = oneShot(source.id(), at);
            if (scheduler.rescheduleJob(trigger.getKey(), trigger) == null) {
                // a recovered run (its instance died): the old trigger is gone, the durable job is not
                scheduler.scheduleJob(trigger);
            }
            return true;
        } catch (SchedulerException e) {
            log.error(
                    "Could not reschedule source {}; {}",
                    source.id(),
                    clustered
                            ? "the cluster schedules it again within "
                                    + RESYNC_EVERY.multipliedBy(2).toSeconds() + "s"
                            : "it will not be polled again until restart",
                    e);
            return false;
        }
    }

    /** Puts the poll of a source this instance does not know back on the schedule, for an instance that does. */
    private void handBack(String sourceId) {
        Trigger trigger = oneShot(sourceId, clock.instant().plus(HAND_BACK));
        try {
            if (scheduler.rescheduleJob(trigger.getKey(), trigger) == null) {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            log.warn("Could not hand source {} back to the cluster: {}", sourceId, e.getMessage());
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

    private static Properties quartzProperties(Store store) {
        Properties props = new Properties();
        props.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        props.setProperty("org.quartz.threadPool.threadNamePrefix", "tern-poll");
        props.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        switch (store) {
            case InMemory ignored -> {
                props.setProperty(
                        StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, CLUSTER_NAME + "-" + INSTANCES.incrementAndGet());
                props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            }
            case Clustered clustered -> {
                String dataSource = CLUSTER_NAME + "-db-" + INSTANCES.incrementAndGet();
                DBConnectionManager.getInstance()
                        .addConnectionProvider(dataSource, new QuartzConnections(clustered.database()));
                // one name for every instance (the rows they share), one id each
                props.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, CLUSTER_NAME);
                props.setProperty(
                        StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
                props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
                props.setProperty(
                        "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
                props.setProperty("org.quartz.jobStore.dataSource", dataSource);
                props.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
                props.setProperty("org.quartz.jobStore.isClustered", "true");
                props.setProperty(
                        "org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CLUSTER_CHECKIN.toMillis()));
                props.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            }
        }
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

package dev.tern.app;

import dev.tern.config.DiscordConfig;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.MessagePlan;
import dev.tern.deliver.NoticeSink;
import dev.tern.deliver.Notifier;
import dev.tern.deliver.Receipt;
import dev.tern.discord.Discord;
import dev.tern.discord.DiscordStartException;
import dev.tern.store.AdminNotice;
import dev.tern.store.Database;
import dev.tern.store.GatewayLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which instance holds the one Discord gateway session. On H2 (one instance) this instance always leads. On
 * a shared PostgreSQL the leader is the instance holding {@link GatewayLock}: it logs the bot in, answers the slash
 * commands, posts admin notices and delivers the Discord targets; the other instances poll and deliver every other
 * target, and try the lock every {@link #TRY_EVERY}, so that one of them connects within seconds of the leader's
 * death.
 *
 * <p>Followers leave Discord alerts in the outbox rather than sending them over a second, REST-only client: JDA has
 * no REST-only mode (building it logs into the gateway), and the outbox already keeps an alert no notifier of this
 * instance handles waiting, untouched, for the instance that has one. The leader drains the outbox every few
 * seconds, so the delay is small, and the message's nonce still makes any re-send harmless.
 */
final class GatewayLeader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayLeader.class);

    static final Duration TRY_EVERY = Duration.ofSeconds(2);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /**
     * The wait after a failed lead (the login refused, or the session ended for good), doubling with each failure in
     * a row up to {@link #MAX_BACKOFF}: Discord allows about 1,000 logins a day per bot, and a token that is wrong
     * for one instance is wrong for all.
     */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);

    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    /** A lead that lasted this long clears the failures before it. */
    static final Duration STEADY = Duration.ofMinutes(10);

    private final DiscordConfig config;
    private final Clock clock;
    private final LeaderNotifier notifier = new LeaderNotifier();
    private volatile Discord discord;
    private GatewayLock lock;
    private Consumer<Discord> serve;
    private ScheduledExecutorService tries;
    /** Failed leads in a row, and when this instance may try to lead again; written by the check thread only. */
    private volatile int failures;

    private volatile boolean closing;

    private Instant nextTry = Instant.MIN;
    private Instant ledSince;

    GatewayLeader(DiscordConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Delivers to Discord targets while this instance leads; a follower's notifier handles none. */
    Notifier notifier() {
        return notifier;
    }

    /** Posts admin notices in the admin channel while this instance leads; a follower's waits for the leader. */
    NoticeSink adminChannel() {
        return new NoticeSink() {
            @Override
            public void tell(AdminNotice notice) throws DeliveryException {
                Optional<NoticeSink> channel = channel();
                if (channel.isEmpty()) {
                    throw DeliveryException.transientFailure(
                            "the Discord bot is connected on the leading instance", null);
                }
                channel.get().tell(notice);
            }

            @Override
            public boolean ready() {
                return channel().isPresent();
            }

            private Optional<NoticeSink> channel() {
                Discord current = discord;
                return current == null ? Optional.empty() : current.adminChannel();
            }
        };
    }

    /**
     * Takes the lead if it can and connects, calling {@code serve} with every new connection; a follower keeps
     * trying in the background.
     *
     * @throws DiscordStartException when this instance leads and Discord refuses the token (nothing is left open)
     */
    void start(Database database, Consumer<Discord> serve) throws DiscordStartException, InterruptedException {
        this.serve = serve;
        if (!database.shared()) {
            lead();
            return;
        }
        lock = new GatewayLock(database);
        if (lock.tryTake()) {
            log.info("This instance leads: it holds the Discord gateway session");
            try {
                lead();
                ledSince = clock.instant();
            } catch (DiscordStartException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } else {
            log.info("Another instance leads (holds the Discord gateway session); this one polls and delivers"
                    + " other targets, and takes over if the leader stops");
        }
        tries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tern-leader").daemon().factory());
        tries.scheduleWithFixedDelay(this::check, TRY_EVERY.toMillis(), TRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether the bot is connected now. A follower, which holds no session by design, counts as connected, unless
     * its own last try to lead failed (then it waits out a backoff, and says so to {@code /readyz}).
     */
    boolean connected() {
        Discord current = discord;
        return current == null ? lock != null && failures == 0 : current.connected();
    }

    private void lead() throws DiscordStartException, InterruptedException {
        Discord connected = Discord.connect(config, clock);
        try {
            serve.accept(connected);
        } catch (RuntimeException e) {
            connected.close();
            throw e;
        }
        discord = connected;
    }

    private void check() {
        try {
            if (discord != null) {
                checkLead();
                return;
            }
            Instant now = clock.instant();
            if (closing || now.isBefore(nextTry)) {
                return;
            }
            if (!lock.tryTake()) {
                failures = 0; // another instance leads: this one is a healthy follower again
                return;
            }
            log.info("The leader stopped; this instance takes over the Discord gateway session");
            try {
                lead();
                ledSince = now;
            } catch (DiscordStartException | RuntimeException e) {
                lock.close();
                backOff("Could not connect to Discord as the new leader (" + e.getMessage() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Leader check failed; trying again in {}s", TRY_EVERY.toSeconds(), e);
        }
    }

    /** The leader keeps its lock and a live session, or gives the lead up so that another instance can take it. */
    private void checkLead() {
        if (!lock.held()) {
            log.warn("Lost the database session that made this instance the leader; leaving the gateway");
            disconnect();
            return;
        }
        Discord current = discord;
        if (current.ended()) {
            String state = current.state();
            disconnect();
            lock.close();
            backOff("The Discord session ended for good (" + state + ", for example the token or the intents were"
                    + " refused); this instance gave the lead up so that another can try");
            return;
        }
        if (failures > 0 && current.connected() && ledSince != null) {
            if (!clock.instant().isBefore(ledSince.plus(STEADY))) {
                failures = 0;
            }
        }
    }

    private void backOff(String why) {
        failures++;
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 10));
        wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
        nextTry = clock.instant().plus(wait);
        log.error(
                "{}; this instance tries to lead again in {}s ({} failure(s) in a row)",
                why,
                wait.toSeconds(),
                failures);
    }

    private void disconnect() {
        Discord current = discord;
        discord = null;
        if (current != null) {
            current.close();
        }
    }

    /** Stops trying, leaves the gateway, then gives the lead up. */
    @Override
    public void close() {
        closing = true;
        if (tries != null) {
            // not shutdownNow: a take-over in progress is let finish (an interrupted login could leave a session)
            tries.shutdown();
            try {
                // a take-over running now must finish before the gateway is left, or it would connect after
                tries.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        disconnect();
        if (lock != null) {
            lock.close();
        }
    }

    /** The current leader connection's Discord notifier, or none while this instance follows. */
    private final class LeaderNotifier implements Notifier {

        @Override
        public boolean handles(String target) {
            Discord current = discord;
            return current != null && current.notifier().handles(target);
        }

        @Override
        public List<MessagePlan> plan(String target, List<Alert> alerts) {
            return current().notifier().plan(target, alerts);
        }

        @Override
        public Receipt send(AlertMessage message) throws DeliveryException {
            return leading().notifier().send(message);
        }

        @Override
        public void edit(AlertMessage message) throws DeliveryException {
            leading().notifier().edit(message);
        }

        private Discord current() {
            Discord current = discord;
            if (current == null) {
                throw new IllegalStateException("this instance no longer leads");
            }
            return current;
        }

        private Discord leading() throws DeliveryException {
            Discord current = discord;
            if (current == null) {
                throw DeliveryException.transientFailure(
                        "this instance stopped leading; the new leader sends it", null);
            }
            return current;
        }
    }
}

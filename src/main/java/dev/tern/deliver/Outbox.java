package dev.tern.deliver;

import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.OutboxMessage;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.PendingDelivery;
import dev.tern.store.ProcessIdentity;
import dev.tern.store.SqlFunction;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbox's tables and clock as the delivery classes share them: reads, writes, claims, and a message as sent.
 * A process claims the messages it sends or edits ({@link #claimer()}), so that processes sharing the database never
 * hand one message to its target at once; a claim lasts {@link #CLAIM_TTL} past the last message its process
 * started, and then another process may take the message (the claimer was stuck or died).
 */
final class Outbox {

    /** How long a claim lasts without renewal (each message sent renews them all): longer than any one send. */
    static final Duration CLAIM_TTL = Duration.ofMinutes(2);

    private final Database database;
    private final DeliveryStore deliveries;
    private final OutboxMessageStore messages;
    private final Clock clock;
    private final ProcessIdentity claimer;

    Outbox(
            Database database,
            DeliveryStore deliveries,
            OutboxMessageStore messages,
            Clock clock,
            ProcessIdentity claimer) {
        this.database = database;
        this.deliveries = deliveries;
        this.messages = messages;
        this.clock = clock;
        this.claimer = claimer;
    }

    Instant now() {
        return clock.instant();
    }

    /** The process whose claims these are. */
    ProcessIdentity claimer() {
        return claimer;
    }

    /** When a claim taken or renewed now ends. */
    Instant claimUntil() {
        return now().plus(CLAIM_TTL);
    }

    /**
     * Renews this process's claims right before it hands {@code row} to its target; false when the message is no
     * longer this process's to send (its claim ran out and another process took it).
     */
    boolean hold(OutboxMessage row) {
        return transaction(c -> messages.holdClaim(c, row.id(), claimer, claimUntil()));
    }

    DeliveryStore deliveries() {
        return deliveries;
    }

    OutboxMessageStore messages() {
        return messages;
    }

    <T> T read(SqlFunction<Connection, T> work) {
        return database.read(work);
    }

    /** Runs {@code work} in one committed transaction and returns what it returned. */
    <T> T transaction(SqlFunction<Connection, T> work) {
        return database.transaction(work);
    }

    /** Runs {@code work} in one committed transaction. */
    void write(SqlConsumer work) {
        database.transaction(c -> {
            work.accept(c);
            return null;
        });
    }

    /** The message with the alerts it carries, each posting as stored now; {@code receipt} null before it is sent. */
    AlertMessage load(OutboxMessage row, Receipt receipt) {
        List<Alert> alerts = read(c -> deliveries.inMessage(c, row.id())).stream()
                .map(Outbox::toAlert)
                .toList();
        return new AlertMessage(
                row.id(),
                row.target(),
                row.nonce(),
                row.layout(),
                alerts,
                row.firstTriedAt(),
                receipt,
                row.editsRequested());
    }

    static Alert toAlert(PendingDelivery row) {
        return new Alert(row.id(), row.target(), row.routeId(), row.subscriptionId(), row.posting(), row.closedAt());
    }

    /** Work on a connection that returns nothing. */
    @FunctionalInterface
    interface SqlConsumer {
        void accept(Connection c) throws java.sql.SQLException;
    }
}

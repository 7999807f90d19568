package dev.tern.deliver;

import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.OutboxMessage;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.PendingDelivery;
import dev.tern.store.SqlFunction;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The outbox's tables and clock as the delivery classes share them: reads, writes, and a message as sent. */
final class Outbox {

    private final Database database;
    private final DeliveryStore deliveries;
    private final OutboxMessageStore messages;
    private final Clock clock;

    Outbox(Database database, DeliveryStore deliveries, OutboxMessageStore messages, Clock clock) {
        this.database = database;
        this.deliveries = deliveries;
        this.messages = messages;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
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
        return new AlertMessage(row.id(), row.target(), row.nonce(), row.layout(), alerts, row.firstTriedAt(), receipt);
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

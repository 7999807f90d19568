package dev.tern.store;

import dev.tern.config.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code subscriptions} table: what each Discord user subscribed to, and where it is delivered. */
public final class SubscriptionStore {

    private static final String SELECT = "SELECT id, user_id, guild_id, channel_id, target, filter, filter_key,"
            + " status, paused_until, skipped, created_at FROM subscriptions ";

    /**
     * What a new subscription is made of.
     *
     * @param userId the user
     * @param guildId the server, or null
     * @param channelId the channel, or null
     * @param target where alerts go
     * @param filterJson the filter as JSON
     * @param filterKey the filter's canonical hash
     * @param pausedUntil paused from the start (the user is paused), or null
     */
    public record NewSubscription(
            String userId,
            String guildId,
            String channelId,
            String target,
            String filterJson,
            String filterKey,
            Instant pausedUntil) {}

    /** Stores a subscription and returns its id. */
    public long insert(Connection c, NewSubscription s, Instant now) {
        String sql = "INSERT INTO subscriptions (user_id, guild_id, channel_id, target, filter, filter_key, status,"
                + " paused_until, skipped, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";
        return Jdbc.insert(
                c,
                "storing a subscription of user " + s.userId(),
                sql,
                s.userId(),
                s.guildId(),
                s.channelId(),
                s.target(),
                s.filterJson(),
                s.filterKey(),
                SubscriptionStatus.ACTIVE,
                s.pausedUntil(),
                now);
    }

    public Optional<StoredSubscription> find(Connection c, long id) {
        return Jdbc.first(c, "reading subscription " + id, SELECT + "WHERE id = ?", SubscriptionStore::read, id);
    }

    /** The user's subscription with the same filter and target, if any. */
    public Optional<StoredSubscription> findSame(Connection c, String userId, String filterKey, String target) {
        String sql = SELECT + "WHERE user_id = ? AND filter_key = ? AND target = ?";
        return Jdbc.first(
                c, "looking for a duplicate subscription", sql, SubscriptionStore::read, userId, filterKey, target);
    }

    /** The user's subscriptions, oldest first. */
    public List<StoredSubscription> ofUser(Connection c, String userId) {
        String sql = SELECT + "WHERE user_id = ? ORDER BY id";
        return Jdbc.list(c, "reading subscriptions of user " + userId, sql, SubscriptionStore::read, userId);
    }

    public int countOfUser(Connection c, String userId) {
        String sql = "SELECT COUNT(*) FROM subscriptions WHERE user_id = ?";
        return Jdbc.count(c, "counting subscriptions of user " + userId, sql, userId);
    }

    /** Every subscription that is not broken, oldest first: what the matcher indexes. */
    public List<StoredSubscription> active(Connection c) {
        String sql = SELECT + "WHERE status = ? ORDER BY id";
        return Jdbc.list(c, "reading active subscriptions", sql, SubscriptionStore::read, SubscriptionStatus.ACTIVE);
    }

    /** Subscriptions delivering to a target, oldest first. */
    public List<StoredSubscription> withTarget(Connection c, String target) {
        String sql = SELECT + "WHERE target = ? ORDER BY id";
        return Jdbc.list(
                c, "reading subscriptions of " + Target.displayOf(target), sql, SubscriptionStore::read, target);
    }

    public int count(Connection c, SubscriptionStatus status) {
        String sql = "SELECT COUNT(*) FROM subscriptions WHERE status = ?";
        return Jdbc.count(c, "counting " + status + " subscriptions", sql, status);
    }

    /** Active subscriptions paused at {@code now}. */
    public int countPaused(Connection c, Instant now) {
        String sql = "SELECT COUNT(*) FROM subscriptions WHERE status = ? AND paused_until > ?";
        return Jdbc.count(c, "counting paused subscriptions", sql, SubscriptionStatus.ACTIVE, now);
    }

    public int countUsers(Connection c) {
        return Jdbc.count(c, "counting subscribers", "SELECT COUNT(DISTINCT user_id) FROM subscriptions");
    }

    /** Deletes one of the user's subscriptions; false when it is not theirs or does not exist. */
    public boolean delete(Connection c, String userId, long id) {
        String sql = "DELETE FROM subscriptions WHERE id = ? AND user_id = ?";
        return Jdbc.update(c, "deleting subscription " + id, sql, id, userId) > 0;
    }

    public int deleteAllOf(Connection c, String userId) {
        String sql = "DELETE FROM subscriptions WHERE user_id = ?";
        return Jdbc.update(c, "deleting subscriptions of user " + userId, sql, userId);
    }

    /** Pauses (a time) or resumes (null) every subscription of the user. */
    public int setPausedOfUser(Connection c, String userId, Instant until) {
        String sql = "UPDATE subscriptions SET paused_until = ? WHERE user_id = ?";
        return Jdbc.update(c, "pausing subscriptions of user " + userId, sql, until, userId);
    }

    /** Pauses every subscription delivering to a target. */
    public int pauseTarget(Connection c, String target, Instant until) {
        String sql = "UPDATE subscriptions SET paused_until = ? WHERE target = ?";
        return Jdbc.update(c, "pausing subscriptions of " + Target.displayOf(target), sql, until, target);
    }

    /** Marks every subscription delivering to a target broken. */
    public int markBroken(Connection c, String target) {
        String sql = "UPDATE subscriptions SET status = ? WHERE target = ?";
        return Jdbc.update(
                c,
                "marking subscriptions of " + Target.displayOf(target) + " broken",
                sql,
                SubscriptionStatus.BROKEN,
                target);
    }

    /** Counts an alert a paused subscription did not queue. */
    public void recordSkip(Connection c, long id) {
        String sql = "UPDATE subscriptions SET skipped = skipped + 1 WHERE id = ?";
        Jdbc.update(c, "counting a skipped alert of subscription " + id, sql, id);
    }

    private static StoredSubscription read(ResultSet row) throws SQLException {
        return new StoredSubscription(
                row.getLong("id"),
                row.getString("user_id"),
                row.getString("guild_id"),
                row.getString("channel_id"),
                row.getString("target"),
                row.getString("filter"),
                row.getString("filter_key"),
                SubscriptionStatus.valueOf(row.getString("status")),
                Jdbc.instant(row, "paused_until"),
                row.getInt("skipped"),
                Jdbc.instant(row, "created_at"));
    }
}

package dev.tern.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code discord_users} table: each user's pause, the alerts skipped meanwhile, and a pending notice. */
public final class DiscordUserStore {

    private static final String SELECT =
            "SELECT user_id, paused_until, paused_indefinitely, skipped, notice FROM discord_users ";

    /** The user's row; {@link DiscordUser#unknown} when there is none. */
    public DiscordUser get(Connection c, String userId) {
        return Jdbc.first(c, "reading user " + userId, SELECT + "WHERE user_id = ?", DiscordUserStore::read, userId)
                .orElseGet(() -> DiscordUser.unknown(userId));
    }

    /**
     * Pauses the user until a time, or indefinitely; {@code resetSkips} starts the skip count again (a new pause
     * rather than a longer one).
     */
    public void pause(Connection c, String userId, Instant until, boolean indefinitely, boolean resetSkips) {
        ensure(c, userId);
        String sql = "UPDATE discord_users SET paused_until = ?, paused_indefinitely = ?"
                + (resetSkips ? ", skipped = 0" : "") + " WHERE user_id = ?";
        Jdbc.update(c, "pausing user " + userId, sql, until, indefinitely, userId);
    }

    /** Ends the user's pause and returns how many alerts were skipped, counting from zero again. */
    public int resume(Connection c, String userId) {
        int skipped = get(c, userId).skipped();
        String sql = "UPDATE discord_users SET paused_until = NULL, paused_indefinitely = FALSE, skipped = 0"
                + " WHERE user_id = ?";
        Jdbc.update(c, "resuming user " + userId, sql, userId);
        return skipped;
    }

    /** Counts one alert not queued for the user. */
    public void addSkip(Connection c, String userId) {
        ensure(c, userId);
        String sql = "UPDATE discord_users SET skipped = skipped + 1 WHERE user_id = ?";
        Jdbc.update(c, "counting a skipped alert of user " + userId, sql, userId);
    }

    /** Leaves a notice for the user's next command, replacing an older one. */
    public void setNotice(Connection c, String userId, String notice) {
        ensure(c, userId);
        Jdbc.update(
                c,
                "storing a notice for user " + userId,
                "UPDATE discord_users SET notice = ? WHERE user_id = ?",
                notice,
                userId);
    }

    /** The pending notice, cleared as it is taken. */
    public Optional<String> takeNotice(Connection c, String userId) {
        Optional<String> notice = Optional.ofNullable(get(c, userId).notice());
        notice.ifPresent(n -> Jdbc.update(
                c,
                "clearing the notice of user " + userId,
                "UPDATE discord_users SET notice = NULL WHERE user_id = ?",
                userId));
        return notice;
    }

    private static void ensure(Connection c, String userId) {
        Jdbc.update(
                c,
                "creating user " + userId,
                "INSERT INTO discord_users (user_id) VALUES (?) ON CONFLICT DO NOTHING",
                userId);
    }

    private static DiscordUser read(ResultSet row) throws SQLException {
        return new DiscordUser(
                row.getString("user_id"),
                Jdbc.instant(row, "paused_until"),
                row.getBoolean("paused_indefinitely"),
                row.getInt("skipped"),
                row.getString("notice"));
    }
}

package dev.tern.store;

import dev.tern.config.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code broken_targets} table: targets that failed for good, reported to admins and no longer matched. */
public final class TargetStore {

    /** Records a broken target; a target already broken keeps its first time and takes the newest reason. */
    public void markBroken(Connection c, String target, String reason, Instant now) {
        Jdbc.update(
                c,
                "marking target " + Target.displayOf(target) + " broken",
                "INSERT INTO broken_targets (target, reason, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                target,
                reason,
                now);
        Jdbc.update(
                c,
                "updating the reason of broken target " + Target.displayOf(target),
                "UPDATE broken_targets SET reason = ? WHERE target = ?",
                reason,
                target);
    }

    /** Every broken target, oldest first. */
    public List<BrokenTarget> all(Connection c) {
        String sql = "SELECT target, reason, since FROM broken_targets ORDER BY since, target";
        return Jdbc.list(c, "reading broken targets", sql, TargetStore::read);
    }

    public Set<String> targets(Connection c) {
        return new LinkedHashSet<>(Jdbc.list(
                c, "reading broken targets", "SELECT target FROM broken_targets ORDER BY target", r -> r.getString(1)));
    }

    /** Forgets that a target was broken; returns whether it was. */
    public boolean clear(Connection c, String target) {
        return Jdbc.update(
                        c,
                        "clearing broken target " + Target.displayOf(target),
                        "DELETE FROM broken_targets WHERE target = ?",
                        target)
                > 0;
    }

    private static BrokenTarget read(ResultSet row) throws SQLException {
        return new BrokenTarget(row.getString("target"), row.getString("reason"), Jdbc.instant(row, "since"));
    }
}

package dev.tern.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as people read them on the status page and in {@code tern status}: UTC, and how long ago or until. */
final class Times {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {}

    /** "2026-05-01 12:03 UTC", or "-" for null. */
    static String utc(Instant at) {
        return at == null ? "-" : UTC.format(at);
    }

    /** "3 min ago", "in 2 h", "just now"; "never" for null. */
    static String relative(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        Duration gap = Duration.between(at, now);
        boolean past = !gap.isNegative();
        String amount = amount(gap.abs());
        if (amount.isEmpty()) {
            return "just now";
        }
        return past ? amount + " ago" : "in " + amount;
    }

    private static String amount(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() >= 10 ? d.toSeconds() + " s" : "";
    }
}

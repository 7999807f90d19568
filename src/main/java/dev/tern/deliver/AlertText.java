package dev.tern.deliver;

import dev.tern.posting.Posting;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders an alert as plain text: the console form, and the fallback for text-only targets. */
public final class AlertText {

    private static final int MAX_LOCATIONS = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private AlertText() {}

    /** A few lines: headline, where and when, link, and what matched. */
    public static String format(Alert alert) {
        Posting p = alert.posting();
        StringBuilder out = new StringBuilder();
        out.append("ALERT  ").append(p.company().isEmpty() ? "(unknown company)" : p.company());
        out.append(" - ").append(p.title());
        if (p.term() != null && !mentions(p.title(), p.term().display())) {
            out.append(" (").append(p.term().display()).append(')');
        }
        out.append('\n').append("       ").append(where(p));
        if (p.postedAt() != null) {
            out.append(" | posted ").append(DAY.format(p.postedAt()));
        }
        if (!p.url().isEmpty()) {
            out.append('\n').append("       ").append(p.url());
        }
        out.append('\n')
                .append("       matched ")
                .append(alert.matchedBy())
                .append(" | source ")
                .append(p.sourceId());
        return out.toString();
    }

    private static boolean mentions(String title, String term) {
        return title.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT));
    }

    /** "Seattle, WA, US; New York, NY, US +2 more | remote". */
    public static String where(Posting p) {
        String places = p.places(MAX_LOCATIONS);
        if (places.isEmpty()) {
            places = "location not given";
        }
        return places + " | " + workplace(p.remote());
    }

    private static String workplace(Boolean remote) {
        if (remote == null) {
            return "workplace not given";
        }
        return remote ? "remote" : "on-site";
    }
}

package dev.tern.source.workday;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Workday's {@code postedOn} prose ("Posted Today", "Posted Yesterday", "Posted 3 Days Ago", "Posted 30+ Days
 * Ago") into an approximate instant: the start of that UTC day. "30+" becomes 30 days ago, the latest it can be.
 */
final class PostedOn {

    private static final Pattern DAYS_AGO = Pattern.compile("posted\\s+(\\d{1,5})\\+?\\s+days?\\s+ago");

    private PostedOn() {}

    /** The approximate posting day, or null when the text is absent or not one of the known forms. */
    static Instant parse(String text, Instant now) {
        if (text == null) {
            return null;
        }
        String prose = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        if (prose.equals("posted today")) {
            return today;
        }
        if (prose.equals("posted yesterday")) {
            return today.minus(1, ChronoUnit.DAYS);
        }
        Matcher matcher = DAYS_AGO.matcher(prose);
        if (matcher.matches()) {
            return today.minus(Long.parseLong(matcher.group(1)), ChronoUnit.DAYS);
        }
        return null;
    }
}

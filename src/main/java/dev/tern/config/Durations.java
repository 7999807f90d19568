package dev.tern.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and prints the durations of the configuration: {@code 30s}, {@code 15m}, {@code 6h}, {@code 30d},
 * {@code 1h30m}, or ISO-8601 such as {@code PT15M}.
 */
public final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern ISO_START = Pattern.compile("[-+]?[Pp]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String EXAMPLES = "e.g. 30s, 15m, 6h, 30d, 1h30m or PT15M";
    private static final long SECONDS_PER_MINUTE = 60;
    private static final long SECONDS_PER_HOUR = 3600;
    private static final long SECONDS_PER_DAY = 86_400;

    private Durations() {}

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static Duration parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty duration; write one " + EXAMPLES);
        }
        if (DIGITS.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("duration '" + trimmed + "' needs a unit: " + trimmed + "s, " + trimmed
                    + "m, " + trimmed + "h or " + trimmed + "d");
        }
        if (ISO_START.matcher(trimmed).lookingAt()) {
            return parseIso(trimmed);
        }
        Matcher m = SHORT_FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + trimmed + "'; write one " + EXAMPLES);
        }
        try {
            long seconds = Math.addExact(
                    Math.addExact(part(m.group(1), SECONDS_PER_DAY), part(m.group(2), SECONDS_PER_HOUR)),
                    Math.addExact(part(m.group(3), SECONDS_PER_MINUTE), part(m.group(4), 1)));
            return Duration.ofSeconds(seconds);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration '" + trimmed + "' is too large");
        }
    }

    /** Prints a duration the way the configuration writes it: {@code 15m}, {@code 1h30m}, {@code 30d}. */
    public static String format(Duration duration) {
        if (duration.isNegative() || duration.getNano() != 0) {
            return duration.toString();
        }
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        seconds = append(out, seconds, SECONDS_PER_DAY, "d");
        seconds = append(out, seconds, SECONDS_PER_HOUR, "h");
        seconds = append(out, seconds, SECONDS_PER_MINUTE, "m");
        append(out, seconds, 1, "s");
        return out.toString();
    }

    private static Duration parseIso(String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration '" + text + "' must not be negative");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad duration '" + text + "'; write one " + EXAMPLES);
        }
    }

    private static long part(String digits, long unitSeconds) {
        return digits == null ? 0 : Math.multiplyExact(Long.parseLong(digits), unitSeconds);
    }

    private static long append(StringBuilder out, long seconds, long unitSeconds, String unit) {
        long count = seconds / unitSeconds;
        if (count > 0) {
            out.append(count).append(unit);
        }
        return seconds % unitSeconds;
    }
}

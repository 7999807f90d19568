package dev.tern.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and prints byte sizes of the configuration: {@code 512KB}, {@code 32MB}, {@code 1GB} or plain bytes. */
public final class Sizes {

    private static final long KB = 1024;
    private static final long MB = KB * KB;
    private static final long GB = MB * KB;
    private static final Map<String, Long> UNITS =
            Map.of("", 1L, "B", 1L, "KB", KB, "K", KB, "KIB", KB, "MB", MB, "M", MB, "MIB", MB, "GB", GB, "G", GB);
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");

    private Sizes() {}

    /**
     * Parses a size in bytes; units are binary (1KB = 1024 bytes).
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static long parse(String text) {
        String trimmed = text.strip();
        Matcher m = SIZE.matcher(trimmed);
        Long unit = m.matches() ? UNITS.get(m.group(2).toUpperCase(Locale.ROOT)) : null;
        if (unit == null) {
            throw new IllegalArgumentException(
                    "bad size '" + trimmed + "'; write one such as 512KB, 32MB, 1GB or a number of bytes");
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size '" + trimmed + "' is too large");
        }
    }

    /** Prints a size in the largest unit that divides it exactly: {@code 32MB}, {@code 512KB}, {@code 1500B}. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % GB == 0) {
            return bytes / GB + "GB";
        }
        if (bytes != 0 && bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        if (bytes != 0 && bytes % KB == 0) {
            return bytes / KB + "KB";
        }
        return bytes + "B";
    }
}

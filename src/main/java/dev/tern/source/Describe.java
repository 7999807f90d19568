package dev.tern.source;

import java.time.Duration;

/** Human-readable sizes and durations for error messages ("32MB", "300ms", "30s"). */
final class Describe {

    private static final long KB = 1024;
    private static final long MB = KB * KB;

    private Describe() {}

    static String size(long bytes) {
        if (bytes >= MB && bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        if (bytes >= KB && bytes % KB == 0) {
            return bytes / KB + "KB";
        }
        return bytes + " bytes";
    }

    static String duration(Duration duration) {
        if (duration.toMillisPart() != 0 || duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        if (duration.toSecondsPart() != 0) {
            return duration.toSeconds() + "s";
        }
        if (duration.toMinutesPart() != 0) {
            return duration.toMinutes() + "m";
        }
        return duration.toHours() + "h";
    }
}

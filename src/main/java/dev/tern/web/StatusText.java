package dev.tern.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.regex.Pattern;

/** {@code tern status}: the status page's summary as plain text for a terminal, or as one JSON object. */
public final class StatusText {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Control characters from a source (an escape sequence in a title) never reach the terminal. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private StatusText() {}

    /** One JSON object, times as ISO-8601 UTC. */
    public static String json(StatusSummary s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the status summary is always serialisable", e);
        }
    }

    /** Lines for a terminal. */
    public static String text(StatusSummary s) {
        StringBuilder out = new StringBuilder();
        out.append("Tern status at ")
                .append(Times.utc(s.at()))
                .append(": ")
                .append(s.healthy() ? "all is well" : "needs attention")
                .append("\n\n");
        out.append(String.format(
                "%-24s %-15s %-13s %-14s %-14s %6s %8s%n",
                "SOURCE", "TYPE", "HEALTH", "LAST SUCCESS", "NEXT POLL", "OPEN", "FAILURES"));
        for (StatusSummary.Source src : s.sources()) {
            out.append(String.format(
                    "%-24s %-15s %-13s %-14s %-14s %6d %8d%n",
                    src.id(),
                    src.type(),
                    src.health().label(),
                    Times.relative(src.lastSuccess(), s.at()),
                    src.nextPoll() == null ? "-" : Times.relative(src.nextPoll(), s.at()),
                    src.openPostings(),
                    src.consecutiveFailures()));
            if (src.lastError() != null) {
                out.append("  failing: ").append(clean(src.lastError())).append('\n');
            }
            if (src.heldReason() != null) {
                out.append("  closures held: ").append(clean(src.heldReason())).append('\n');
            }
        }
        StatusSummary.Outbox o = s.outbox();
        out.append("\nOutbox: ").append(o.pending()).append(" pending");
        if (o.oldestPending() != null) {
            out.append(" (oldest queued ")
                    .append(Times.relative(o.oldestPending(), s.at()))
                    .append(')');
        }
        out.append(", ").append(o.failed()).append(" failed\n\nRoutes:\n");
        s.routes().forEach(r -> out.append("  ")
                .append(r.id())
                .append(" -> ")
                .append(r.target())
                .append(": ")
                .append(clean(r.health()))
                .append('\n'));
        s.brokenTargets().forEach(b -> out.append("Broken since ")
                .append(Times.utc(b.since()))
                .append(": ")
                .append(b.target())
                .append(" (")
                .append(clean(b.reason()))
                .append(")\n"));
        StatusSummary.Subscriptions subs = s.subscriptions();
        out.append(String.format(
                "%nSubscriptions: %d active, %d paused, %d broken, from %d subscriber(s)%n%nRecent postings:%n",
                subs.active(), subs.paused(), subs.broken(), subs.subscribers()));
        if (s.recent().isEmpty()) {
            out.append("  none seen yet\n");
        }
        s.recent()
                .forEach(e -> out.append(String.format(
                        "  %-6s %s  %s - %s (%s) %s%n",
                        e.kind(),
                        Times.utc(e.at()),
                        clean(e.company()),
                        clean(e.title()),
                        e.source(),
                        clean(e.url()))));
        return out.toString();
    }

    private static String clean(String text) {
        return text == null ? "" : CONTROL.matcher(text).replaceAll(" ");
    }
}

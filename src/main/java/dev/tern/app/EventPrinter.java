package dev.tern.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.config.Target;
import dev.tern.deliver.AlertText;
import dev.tern.deliver.ConsoleNotifier;
import dev.tern.deliver.PostingJson;
import dev.tern.poll.PollEvent;
import dev.tern.posting.Posting;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Prints poll events on stdout: one JSON object per line (the shapes {@code tern poll --json} promises), or a short
 * readable summary per source.
 */
public final class EventPrinter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;
    private final boolean printConsoleAlerts;

    /**
     * @param out stdout
     * @param json one JSON line per event instead of text
     * @param printConsoleAlerts false when console alerts are printed by their delivery instead (so they appear
     *     once)
     */
    public EventPrinter(PrintWriter out, boolean json, boolean printConsoleAlerts) {
        this.out = out;
        this.json = json;
        this.printConsoleAlerts = printConsoleAlerts;
    }

    public void print(List<PollEvent> events) {
        for (PollEvent event : events) {
            if (event instanceof PollEvent.AlertQueued alert
                    && ConsoleNotifier.TARGET.equals(alert.target())
                    && !printConsoleAlerts) {
                continue;
            }
            out.println(json ? toJson(event) : toText(event));
        }
        out.flush();
    }

    /** The event's type as printed: "source.polled", "posting.new", "alert", ... */
    public static String type(PollEvent event) {
        return switch (event) {
            case PollEvent.SourceSeeded e -> "source.seeded";
            case PollEvent.SourcePolled e -> "source.polled";
            case PollEvent.SourceFailed e -> "source.failed";
            case PollEvent.SourceBusy e -> "source.busy";
            case PollEvent.SourceSuspicious e -> "source.suspicious";
            case PollEvent.HoldConfirmed e -> "source.hold-confirmed";
            case PollEvent.HoldCleared e -> "source.hold-cleared";
            case PollEvent.HoldAccepted e -> "source.hold-accepted";
            case PollEvent.PostingChanged e -> e.change().type();
            case PollEvent.AlertQueued e -> "alert";
        };
    }

    /** The JSON line for one event. */
    public static String toJson(PollEvent event) {
        ObjectNode node = JSON.createObjectNode().put("type", type(event));
        switch (event) {
            case PollEvent.SourceSeeded e -> {
                node.put("source", e.source()).put("postings", e.postings());
            }
            case PollEvent.SourcePolled e -> {
                node.put("source", e.source()).put("postings", e.postings());
                node.put("new", e.added()).put("updated", e.updated()).put("closed", e.closed());
                node.put("reopened", e.reopened())
                        .put("notModified", e.notModified())
                        .put("millis", e.millis());
            }
            case PollEvent.SourceFailed e -> {
                node.put("source", e.source()).put("error", e.error());
            }
            case PollEvent.SourceBusy e -> {
                node.put("source", e.source()).put("by", e.holder());
                node.put("since", e.since().toString()).put("ended", e.ended());
            }
            case PollEvent.SourceSuspicious e -> {
                node.put("source", e.source()).put("reason", e.reason());
            }
            case PollEvent.HoldConfirmed e -> {
                node.put("source", e.source()).put("closed", e.closed()).put("confirmations", e.confirmations());
            }
            case PollEvent.HoldCleared e -> {
                node.put("source", e.source()).put("held", e.held()).put("stillMissing", e.stillMissing());
            }
            case PollEvent.HoldAccepted e -> {
                node.put("source", e.source()).put("closed", e.closed());
            }
            case PollEvent.PostingChanged e -> postingJson(node, e.change().type(), e.source(), e.posting());
            case PollEvent.AlertQueued e -> {
                return ConsoleNotifier.jsonLine(Target.displayOf(e.target()), e.route(), e.subscription(), e.key());
            }
        }
        return node.toString();
    }

    /**
     * Fills the posting shape: type, source, key, company, title, locations, remote, term, startYear, url, postedAt,
     * sponsorship, degrees and category.
     */
    public static ObjectNode postingJson(ObjectNode node, String type, String source, Posting p) {
        return PostingJson.fill(node, type, source, p);
    }

    /** One readable line for one event. */
    public static String toText(PollEvent event) {
        return switch (event) {
            case PollEvent.SourceSeeded e ->
                "%s: seeded with %d posting(s); first contact alerts nothing".formatted(e.source(), e.postings());
            case PollEvent.SourcePolled e
            when e.notModified() ->
                "%s: not modified since last poll (%d open, %d ms)".formatted(e.source(), e.postings(), e.millis());
            case PollEvent.SourcePolled e ->
                "%s: %d new, %d updated, %d closed, %d reopened (%d open, %d ms)"
                        .formatted(
                                e.source(), e.added(), e.updated(), e.closed(), e.reopened(), e.postings(), e.millis());
            case PollEvent.SourceFailed e -> "%s: FAILED, nothing closed: %s".formatted(e.source(), e.error());
            case PollEvent.SourceBusy e
            when e.ended() ->
                "%s: just polled by %s; not polled again (`tern sources` shows the result)"
                        .formatted(e.source(), e.holder());
            case PollEvent.SourceBusy e ->
                "%s: being polled by %s since %s; not polled again, try once it is done"
                        .formatted(e.source(), e.holder(), e.since().truncatedTo(ChronoUnit.SECONDS));
            case PollEvent.SourceSuspicious e ->
                "%s: HELD, nothing closed: %s; `tern accept %s` closes them now"
                        .formatted(e.source(), e.reason(), e.source());
            case PollEvent.HoldConfirmed e ->
                "%s: hold confirmed by %d poll(s), %d posting(s) closed"
                        .formatted(e.source(), e.confirmations(), e.closed());
            case PollEvent.HoldCleared e ->
                e.stillMissing() == 0
                        ? "%s: hold cleared, the postings are listed again".formatted(e.source())
                        : "%s: hold ended, %d of %d held posting(s) still missing follow the usual close rule"
                                .formatted(e.source(), e.stillMissing(), e.held());
            case PollEvent.HoldAccepted e ->
                "%s: hold accepted, %d posting(s) closed".formatted(e.source(), e.closed());
            case PollEvent.PostingChanged e ->
                "  %-9s %s - %s | %s"
                        .formatted(
                                e.change().name().toLowerCase(java.util.Locale.ROOT),
                                e.posting().company(),
                                e.posting().title(),
                                AlertText.where(e.posting()));
            case PollEvent.AlertQueued e ->
                "  alert     %s -> %s%s"
                        .formatted(
                                e.key(),
                                Target.displayOf(e.target()),
                                e.route() != null
                                        ? " (route " + e.route() + ")"
                                        : " (subscription " + e.subscription() + ")");
        };
    }
}

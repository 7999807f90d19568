package dev.tern.discord.commands;

import dev.tern.config.Target;
import dev.tern.discord.DiscordText;
import dev.tern.match.StatusReport;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * {@code /tern status} as two embeds, within Discord's limits however many sources and broken targets there are:
 * one line per source (last success, open postings, failures, why it is degraded or failing, next poll), then the
 * outbox, broken targets and subscription counts.
 */
final class StatusEmbeds {

    /** Leaves room for the second embed within the 6000 characters of a message. */
    static final int SOURCES_MAX = 3500;

    private static final int OK_COLOR = 0x27AE60;
    private static final int TROUBLE_COLOR = 0xEB5757;
    private static final int REASON_MAX = 200;
    private static final int BROKEN_LINE_MAX = 600;
    private static final int FIELD_MAX = MessageEmbed.VALUE_MAX_LENGTH;

    private StatusEmbeds() {}

    static List<MessageEmbed> of(StatusReport report) {
        return List.of(sources(report), delivery(report));
    }

    private static MessageEmbed sources(StatusReport report) {
        boolean trouble =
                report.sources().stream().anyMatch(s -> s.consecutiveFailures() > 0 || s.degradedReason() != null);
        String lines = report.sources().isEmpty()
                ? "No sources are configured."
                : fitted(report.sources().stream().map(StatusEmbeds::source).toList(), SOURCES_MAX, "sources");
        return new EmbedBuilder()
                .setColor(trouble ? TROUBLE_COLOR : OK_COLOR)
                .setTitle("Sources (" + report.sources().size() + ")")
                .setDescription(lines)
                .build();
    }

    private static String source(StatusReport.SourceStatus s) {
        StringBuilder line = new StringBuilder()
                .append("**")
                .append(DiscordText.literal(s.id(), REASON_MAX))
                .append("** (")
                .append(DiscordText.literal(s.type(), REASON_MAX))
                .append("): ")
                .append(s.lastSuccess() == null ? "never polled successfully" : "last success " + when(s.lastSuccess()))
                .append(" · ")
                .append(s.openPostings())
                .append(" open · ")
                .append(s.consecutiveFailures())
                .append(s.consecutiveFailures() == 1 ? " failure" : " failures")
                .append(" · next poll ")
                .append(s.nextPoll() == null ? "not scheduled" : when(s.nextPoll()));
        if (s.heldPostings() > 0) {
            line.append("\n  held since ")
                    .append(when(s.heldSince()))
                    .append(", ")
                    .append(s.heldPostings())
                    .append(" kept open: ")
                    .append(DiscordText.literal(s.degradedReason(), REASON_MAX))
                    .append("; `/tern accept source:")
                    .append(DiscordText.literal(s.id(), REASON_MAX))
                    .append("` closes them now");
        } else if (s.degradedReason() != null) {
            line.append("\n  degraded: ").append(DiscordText.literal(s.degradedReason(), REASON_MAX));
        }
        if (s.consecutiveFailures() > 0 && s.lastError() != null) {
            line.append("\n  failing: ").append(DiscordText.literal(s.lastError(), REASON_MAX));
        }
        return line.toString();
    }

    private static MessageEmbed delivery(StatusReport report) {
        boolean trouble =
                report.failedDeliveries() > 0 || !report.brokenTargets().isEmpty();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(trouble ? TROUBLE_COLOR : OK_COLOR)
                .setTitle("Delivery")
                .addField(
                        "Outbox",
                        report.pendingDeliveries() + " pending, " + report.failedDeliveries() + " failed",
                        true)
                .addField(
                        "Subscriptions",
                        report.activeSubscriptions() + " active (" + report.pausedSubscriptions() + " paused), "
                                + report.brokenSubscriptions() + " broken; " + report.subscribers()
                                + (report.subscribers() == 1 ? " subscriber" : " subscribers"),
                        true);
        String broken = report.brokenTargets().isEmpty()
                ? "None"
                : fitted(
                        report.brokenTargets().stream()
                                .map(StatusEmbeds::broken)
                                .toList(),
                        FIELD_MAX,
                        "targets");
        return embed.addField("Broken targets", broken, false).build();
    }

    private static String broken(StatusReport.Broken b) {
        StringBuilder line = new StringBuilder()
                .append(DiscordText.literal(Target.displayOf(b.target()), REASON_MAX))
                .append(": ")
                .append(DiscordText.literal(b.reason(), REASON_MAX))
                .append(" (")
                .append(when(b.since()))
                .append(')');
        if (!b.routes().isEmpty()) {
            line.append("; routes ").append(DiscordText.literal(String.join(", ", b.routes()), REASON_MAX));
        }
        if (!b.subscriptions().isEmpty()) {
            line.append("; subscriptions ")
                    .append(b.subscriptions().stream().map(id -> "#" + id).collect(Collectors.joining(", ")));
        }
        return DiscordText.cut(line.toString(), BROKEN_LINE_MAX);
    }

    /** As many lines as fit in {@code max} characters, then how many were left out. */
    private static String fitted(List<String> lines, int max, String what) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String more = "…and " + (lines.size() - i) + " more " + what;
            if (out.length() + lines.get(i).length() + 1 + more.length() > max) {
                return out.append(more).toString();
            }
            out.append(lines.get(i)).append('\n');
        }
        return out.toString().strip();
    }

    private static String when(Instant instant) {
        return TimeFormat.RELATIVE.format(instant);
    }
}

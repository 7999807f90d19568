package dev.tern.discord;

import dev.tern.deliver.Alert;
import dev.tern.posting.FactsText;
import dev.tern.posting.Posting;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * Renders alerts as Discord embeds: one embed per posting (title linking to it, company as author, where, how,
 * when, the role's kind, degrees and sponsorship when known, source, and a footer saying what matched and how to stop it), or one compact digest for many. A posting
 * that closed shows as closed: a grey embed with "Closed" in its title (struck through among several) and the
 * date in its footer, or a struck-through digest line. Footers end with the message's marker, by which Tern finds
 * a message it sent. Every text is escaped and cut to Discord's limits, whatever the posting says.
 */
final class AlertEmbeds {

    static final int TITLE_MAX = MessageEmbed.TITLE_MAX_LENGTH;
    static final int DESCRIPTION_MAX = MessageEmbed.DESCRIPTION_MAX_LENGTH;
    static final int FIELD_MAX = MessageEmbed.VALUE_MAX_LENGTH;
    static final int AUTHOR_MAX = MessageEmbed.AUTHOR_MAX_LENGTH;
    static final int FOOTER_MAX = MessageEmbed.TEXT_MAX_LENGTH;
    static final int BUTTON_LABEL_MAX = Button.LABEL_MAX_LENGTH;

    private static final int SHOWN_LOCATIONS = 3;
    private static final int COLOR = 0x2F80ED;
    private static final int CLOSED_COLOR = 0x99AAB5;
    private static final int DIGEST_LINE_MAX = 300;
    private static final String CLOSED = "Closed: ";
    private static final String STRIKE = "~~";
    private static final String MARKER = " · ref ";
    private static final DateTimeFormatter CLOSED_AT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * What a message may add to an embed beyond {@link #embed(Alert)}: the closed title and date, and the marker.
     * Batches leave this much room per embed, so that an edit to "closed" still fits Discord's limits.
     */
    static final int ROOM_PER_EMBED = 120;

    private AlertEmbeds() {}

    /** The embed of one alert, alone and without a marker. */
    static MessageEmbed embed(Alert alert) {
        return embed(alert, false, null);
    }

    /**
     * The embed of one alert in a message.
     *
     * @param several whether the message holds other embeds too (a closed title is then struck through)
     * @param marker the message's marker for the footer, or null
     */
    static MessageEmbed embed(Alert alert, boolean several, String marker) {
        Posting p = alert.posting();
        EmbedBuilder embed = new EmbedBuilder().setColor(alert.closed() ? CLOSED_COLOR : COLOR);
        embed.setTitle(title(alert, several), link(p).orElse(null));
        if (!p.company().isEmpty()) {
            embed.setAuthor(DiscordText.cut(p.company(), AUTHOR_MAX));
        }
        embed.addField("Location", DiscordText.literal(locations(p), FIELD_MAX), true);
        embed.addField("Workplace", workplace(p.remote()), true);
        if (p.term() != null) {
            embed.addField("Start", DiscordText.literal(p.term().display(), FIELD_MAX), true);
        }
        if (p.postedAt() != null) {
            embed.addField("Posted", TimeFormat.RELATIVE.format(p.postedAt().toEpochMilli()), true);
        }
        String facts = FactsText.of(p);
        if (!facts.isEmpty()) {
            embed.addField("Role", DiscordText.literal(facts, FIELD_MAX), true);
        }
        embed.addField("Source", DiscordText.literal(p.sourceId(), FIELD_MAX), true);
        String closed = alert.closed() ? "Closed " + CLOSED_AT.format(alert.closedAt()) + ". " : "";
        embed.setFooter(withMarker(closed + footer(alert), marker));
        return embed.build();
    }

    /** The digest with the message's marker (or null) in its footer; closed postings' lines are struck through. */
    static MessageEmbed digest(List<Alert> alerts, String marker) {
        StringBuilder lines = new StringBuilder();
        int shown = 0;
        for (Alert alert : alerts) {
            String line = "• " + digestLine(alert) + "\n";
            String more = "…and " + (alerts.size() - shown) + " more: use /postings to browse them.";
            if (lines.length() + line.length() + more.length() > DESCRIPTION_MAX) {
                lines.append(more);
                break;
            }
            lines.append(line);
            shown++;
        }
        return new EmbedBuilder()
                .setColor(COLOR)
                .setTitle(alerts.size() + " new postings match")
                .setDescription(DiscordText.cut(lines.toString(), DESCRIPTION_MAX))
                .setFooter(withMarker(footer(alerts.get(0)), marker))
                .build();
    }

    /**
     * The "Apply" link button of an alert, when its posting is open and has a usable http(s) link. Discord refuses a
     * button URL past {@value Button#URL_MAX_LENGTH} characters (and with it the whole message), while an embed's
     * link may be longer: a posting with such a URL gets no button, and its title still links to it.
     */
    static Optional<Button> applyButton(Alert alert, boolean withCompany) {
        if (alert.closed()) {
            return Optional.empty();
        }
        return link(alert.posting())
                .filter(url -> url.length() <= Button.URL_MAX_LENGTH)
                .map(url -> {
                    String label = withCompany && !alert.posting().company().isEmpty()
                            ? "Apply: " + alert.posting().company()
                            : "Apply";
                    return Button.link(url, DiscordText.cut(label, BUTTON_LABEL_MAX));
                });
    }

    static String footer(Alert alert) {
        if (alert.subscriptionId() != null) {
            return "Your subscription #" + alert.subscriptionId() + " matched. Stop it with /unsubscribe id:"
                    + alert.subscriptionId() + ", or pause all with /pause.";
        }
        if (alert.routeId() != null) {
            return "Route " + alert.routeId() + " matched. Admins change routes in tern.yml.";
        }
        return "Sent by Tern.";
    }

    /** Whether an embed's footer carries the marker (a message Tern sent with that key). */
    static boolean hasMarker(String footer, String marker) {
        return footer != null && footer.endsWith(MARKER + marker);
    }

    /** The footer text cut to Discord's limit, the marker (when there is one) always kept whole at its end. */
    private static String withMarker(String footer, String marker) {
        String suffix = marker == null ? "" : MARKER + marker;
        return DiscordText.cut(footer, FOOTER_MAX - suffix.length()) + suffix;
    }

    private static String title(Alert alert, boolean several) {
        String title = alert.posting().title();
        if (!alert.closed()) {
            return DiscordText.literal(title, TITLE_MAX);
        }
        int room = TITLE_MAX - CLOSED.length() - (several ? 2 * STRIKE.length() : 0);
        String shown = DiscordText.literal(title, room);
        return several ? CLOSED + STRIKE + shown + STRIKE : CLOSED + shown;
    }

    private static String digestLine(Alert alert) {
        Posting p = alert.posting();
        String title = DiscordText.literal(p.title(), TITLE_MAX);
        String headline =
                link(p).map(url -> DiscordText.markdownLink(title, url)).orElse(title);
        String company = p.company().isEmpty() ? "" : "**" + DiscordText.literal(p.company(), AUTHOR_MAX) + "** — ";
        String line = DiscordText.cut(
                company + headline + " · " + DiscordText.literal(locations(p), FIELD_MAX), DIGEST_LINE_MAX);
        return alert.closed() ? STRIKE + line + STRIKE + " (closed)" : line;
    }

    private static String locations(Posting p) {
        String places = p.places(SHOWN_LOCATIONS);
        return places.isEmpty() ? "Not given" : places;
    }

    private static String workplace(Boolean remote) {
        if (remote == null) {
            return "Not given";
        }
        return remote ? "Remote" : "On-site or hybrid";
    }

    /** The posting's link if Discord will accept it as a URL (http or https, within the length limit). */
    private static Optional<String> link(Posting p) {
        return DiscordText.link(p.url());
    }
}

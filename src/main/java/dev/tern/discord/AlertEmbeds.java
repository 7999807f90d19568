package dev.tern.discord;

import dev.tern.deliver.Alert;
import dev.tern.posting.FactsText;
import dev.tern.posting.Posting;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * Renders alerts as Discord embeds: one embed per posting (title linking to it, company as author, where, how,
 * when, the role's kind, degrees and sponsorship when known, source, and a footer saying what matched and how to stop it), or one compact digest for many. Every text
 * is escaped and cut to Discord's limits, whatever the posting says.
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
    private static final int DIGEST_LINE_MAX = 300;

    private AlertEmbeds() {}

    /** The embed of one alert. */
    static MessageEmbed embed(Alert alert) {
        Posting p = alert.posting();
        EmbedBuilder embed = new EmbedBuilder().setColor(COLOR);
        embed.setTitle(DiscordText.literal(p.title(), TITLE_MAX), link(p).orElse(null));
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
        embed.setFooter(DiscordText.cut(footer(alert), FOOTER_MAX));
        return embed.build();
    }

    /** One compact message for many alerts: a line per posting, as many as fit. */
    static MessageEmbed digest(List<Alert> alerts) {
        StringBuilder lines = new StringBuilder();
        int shown = 0;
        for (Alert alert : alerts) {
            String line = "• " + digestLine(alert.posting()) + "\n";
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
                .setFooter(DiscordText.cut(footer(alerts.get(0)), FOOTER_MAX))
                .build();
    }

    /** The "Apply" link button of an alert, when its posting has a usable http(s) link. */
    static Optional<Button> applyButton(Alert alert, boolean withCompany) {
        return link(alert.posting()).map(url -> {
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

    private static String digestLine(Posting p) {
        String title = DiscordText.literal(p.title(), TITLE_MAX);
        String headline =
                link(p).map(url -> DiscordText.markdownLink(title, url)).orElse(title);
        String company = p.company().isEmpty() ? "" : "**" + DiscordText.literal(p.company(), AUTHOR_MAX) + "** — ";
        return DiscordText.cut(
                company + headline + " · " + DiscordText.literal(locations(p), FIELD_MAX), DIGEST_LINE_MAX);
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

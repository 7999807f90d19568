package dev.tern.discord.commands;

import dev.tern.discord.DiscordText;
import dev.tern.posting.FactsText;
import dev.tern.posting.Posting;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * Postings as short lines for replies: company, the title linking to the posting, where, when it starts, its kind,
 * degrees and sponsorship when known, and when it was posted. Posting text is escaped, so a title can neither format nor ping.
 */
final class PostingLines {

    /** Longer than any line made of the parts below, so a cut never splits a link. */
    static final int LINE_MAX = 1000;

    private static final int TEXT_MAX = 100;
    /** Longer links are left out rather than let five lines overflow an embed. */
    private static final int LINK_MAX = 500;

    private static final int SHOWN_LOCATIONS = 2;
    private static final String SEPARATOR = " · ";

    private PostingLines() {}

    /** {@code **Company** — [Title](url) · Singapore · Summer 2026 · Data/ML · Master's · posted 3 hours ago}. */
    static String line(Posting posting) {
        StringBuilder line = new StringBuilder();
        if (!posting.company().isEmpty()) {
            line.append("**")
                    .append(DiscordText.literal(posting.company(), TEXT_MAX))
                    .append("** — ");
        }
        String title = DiscordText.literal(posting.title(), TEXT_MAX);
        line.append(DiscordText.link(posting.url())
                .filter(url -> url.length() <= LINK_MAX)
                .map(url -> DiscordText.markdownLink(title, url))
                .orElse(title));
        if (!posting.locations().isEmpty()) {
            line.append(SEPARATOR).append(DiscordText.literal(posting.places(SHOWN_LOCATIONS), TEXT_MAX));
        }
        if (posting.term() != null) {
            line.append(SEPARATOR).append(DiscordText.literal(posting.term().display(), TEXT_MAX));
        }
        String facts = FactsText.of(posting);
        if (!facts.isEmpty()) {
            line.append(SEPARATOR).append(DiscordText.literal(facts, TEXT_MAX));
        }
        if (posting.postedAt() != null) {
            line.append(SEPARATOR).append("posted ").append(TimeFormat.RELATIVE.format(posting.postedAt()));
        }
        return DiscordText.cut(line.toString(), LINE_MAX);
    }

    /** The lines of the postings, one per line, as many as fit an embed description. */
    static String lines(List<Posting> postings) {
        StringBuilder out = new StringBuilder();
        for (Posting posting : postings) {
            String line = "• " + line(posting) + "\n";
            if (out.length() + line.length() > MessageEmbed.DESCRIPTION_MAX_LENGTH) {
                break;
            }
            out.append(line);
        }
        return out.toString().strip();
    }
}

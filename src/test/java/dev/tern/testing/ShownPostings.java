package dev.tern.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which postings a channel shows, and how often: a posting counts once per message that links it (an embed's title
 * link, or a digest line's Markdown link), however many buttons or fields repeat the link.
 */
public final class ShownPostings {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)");

    private ShownPostings() {}

    /** Posting URL → number of messages that show it. */
    public static Map<String, Integer> count(List<JsonNode> messages) {
        Map<String, Integer> shown = new TreeMap<>();
        for (JsonNode message : messages) {
            Set<String> links = new HashSet<>();
            for (JsonNode embed : message.path("embeds")) {
                if (embed.hasNonNull("url")) {
                    links.add(embed.get("url").asText());
                }
                Matcher m = MARKDOWN_LINK.matcher(embed.path("description").asText(""));
                while (m.find()) {
                    links.add(m.group(1));
                }
            }
            links.forEach(link -> shown.merge(link, 1, Integer::sum));
        }
        return shown;
    }
}

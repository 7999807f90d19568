package dev.tern.discord;

import java.net.URI;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * Posting text made safe and short for Discord: Markdown escaped (a title is data, never formatting) and cut to
 * Discord's limits with an ellipsis. Alerts and slash-command replies both use it.
 */
public final class DiscordText {

    private static final String ELLIPSIS = "…";

    private DiscordText() {}

    /** Escapes Markdown and cuts to {@code max} characters. Null becomes "". */
    public static String literal(String text, int max) {
        return cut(MarkdownSanitizer.escape(text == null ? "" : text), max);
    }

    /** Cuts to {@code max} characters, ending with an ellipsis when something was cut. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(0, end)) + ELLIPSIS;
    }

    /** The URL if Discord accepts it as a link (http or https, within the embed URL limit); empty otherwise. */
    public static Optional<String> link(String url) {
        if (url == null || url.isEmpty() || url.length() > MessageEmbed.URL_MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String scheme = URI.create(url).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
                    ? Optional.of(url)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A Markdown link around text that is already escaped: "]" in it escaped, ")" in the URL percent-encoded. */
    public static String markdownLink(String escapedText, String url) {
        return "[" + escapedText.replace("]", "\\]") + "](" + url.replace(")", "%29") + ")";
    }
}

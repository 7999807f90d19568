package dev.tern.discord;

import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * Posting text made safe and short for Discord: Markdown escaped (a title is data, never formatting) and cut to
 * Discord's limits with an ellipsis.
 */
final class DiscordText {

    private static final String ELLIPSIS = "…";

    private DiscordText() {}

    /** Escapes Markdown and cuts to {@code max} characters. Null becomes "". */
    static String literal(String text, int max) {
        return cut(MarkdownSanitizer.escape(text == null ? "" : text), max);
    }

    /** Cuts to {@code max} characters, ending with an ellipsis when something was cut. */
    static String cut(String text, int max) {
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
}

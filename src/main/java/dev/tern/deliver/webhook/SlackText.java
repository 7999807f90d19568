package dev.tern.deliver.webhook;

import java.util.Locale;

/**
 * Text for Slack: escaped so that posting text is shown as it is, never as a link, a mention ({@code <!channel>},
 * {@code <@U123>}) or a date, and cut to Slack's limits.
 */
final class SlackText {

    private static final String ELLIPSIS = "…";

    private SlackText() {}

    /** {@code &}, {@code <} and {@code >} as Slack's entities, the only control characters Slack reads in text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code text} escaped, then cut to {@code max} characters without splitting an entity. */
    static String literal(String text, int max) {
        return cut(escape(text), max);
    }

    /** {@code text} cut to {@code max} characters with an ellipsis, never inside an {@code &...;} entity. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        int amp = text.lastIndexOf('&', end);
        if (amp >= 0 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** A mrkdwn link to {@code url} showing {@code label} (escaped), or the label alone if the URL cannot be one. */
    static String link(String url, String label, int maxUrl) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean usable = (lower.startsWith("https://") || lower.startsWith("http://"))
                && url.length() <= maxUrl
                && url.chars().noneMatch(c -> c == '<' || c == '>' || c == '|' || Character.isWhitespace(c));
        return usable ? "<" + url.replace("&", "&amp;") + "|" + label + ">" : label;
    }
}

package dev.tern.posting;

import java.util.regex.Pattern;

/**
 * Text made easy to search for phrases: lower case, "U.S." and "United States" spelled "us", every run of
 * punctuation and whitespace one space, and a space at both ends, so that {@code contains(" no sponsorship ")}
 * finds whole words only.
 */
final class Phrases {

    private static final Pattern US = Pattern.compile("\\bu\\.\\s?s\\.(?:\\s?a\\.)?|\\bunited states\\b");

    private Phrases() {}

    /** The searchable form of {@code text}; null gives " ". */
    static String of(String text) {
        if (text == null) {
            return " ";
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.indexOf('.') >= 0 || lower.contains("united")) {
            lower = US.matcher(lower).replaceAll("us");
        }
        StringBuilder out = new StringBuilder(lower.length() + 2).append(' ');
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }

    /** Whether the searchable text holds any of the phrases as whole words. */
    static boolean containsAny(String searchable, String... phrases) {
        for (String phrase : phrases) {
            if (searchable.contains(" " + phrase + " ")) {
                return true;
            }
        }
        return false;
    }
}

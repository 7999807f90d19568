package dev.tern.posting;

import java.text.Normalizer;
import org.jsoup.parser.Parser;

/** Small text helpers shared by the normalisers: whitespace cleaning, entity unescaping and lookup keys. */
public final class Text {

    private static final char ASCII_MAX = 0x7f;

    private Text() {}

    /** Trims and collapses every run of whitespace (tabs, newlines, no-break spaces) to one space; null gives "". */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Decodes HTML entities ("&amp;" gives "&"); text without an ampersand is returned as is. */
    public static String unescape(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text == null ? "" : text;
        }
        return Parser.unescapeEntities(text, false);
    }

    /**
     * A lookup key for names: lower case, accents and dots removed, "&" spelled "and", whitespace collapsed, so
     * that "Montréal", "MONTREAL" and "montreal" or "U.S." and "US" compare equal.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String ascii = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(ascii.length());
        boolean pendingSpace = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = !out.isEmpty();
            } else if (c != '.' && Character.getType(c) != Character.NON_SPACING_MARK) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                appendFolded(out, c);
            }
        }
        return out.toString();
    }

    /** Whether the lower-cased text contains any of the words (a cheap test before running a regex). */
    static boolean containsAny(String lowerText, String... words) {
        for (String word : words) {
            if (lowerText.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static void appendFolded(StringBuilder out, char c) {
        switch (c) {
            case '&' -> out.append("and");
            case '’' -> out.append('\'');
            default -> out.append(Character.toLowerCase(c));
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > ASCII_MAX) {
                return false;
            }
        }
        return true;
    }
}

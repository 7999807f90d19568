package dev.tern.posting;

import java.text.Normalizer;
import java.util.Locale;
import org.jsoup.parser.Parser;

/** Small text helpers shared by the normalisers: whitespace cleaning, entity unescaping and lookup keys. */
public final class Text {

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
        String cleaned = clean(text);
        if (cleaned.isEmpty()) {
            return cleaned;
        }
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == '.') {
                continue;
            }
            if (c == '&') {
                out.append("and");
            } else {
                out.append(c == '’' ? '\'' : c);
            }
        }
        return clean(out.toString()).toLowerCase(Locale.ROOT);
    }
}

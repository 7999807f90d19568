package dev.tern.source.html;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * One field of a posting on a page: a CSS selector relative to the item, optionally ending in {@code @attribute} to
 * read that attribute instead of the text ({@code "a.apply@href"}, {@code "time@datetime"}); a bare
 * {@code "@href"} reads the item's own attribute.
 *
 * @param css the selector, empty for the item itself
 * @param attribute the attribute to read, or null for the element's text
 */
record FieldSelector(String css, String attribute) {

    private static final Pattern WITH_ATTRIBUTE = Pattern.compile("^(.*?)@([A-Za-z_:][-A-Za-z0-9_:.]*)$");

    /** Reads {@code selector@attribute} text; it is not checked here, see {@link #problem}. */
    static FieldSelector parse(String text) {
        String value = text.strip();
        Matcher matcher = WITH_ATTRIBUTE.matcher(value);
        if (matcher.matches()) {
            return new FieldSelector(matcher.group(1).strip(), matcher.group(2));
        }
        return new FieldSelector(value, null);
    }

    /** Why the CSS part is not a valid selector, or empty when it is. */
    static Optional<String> problem(String text) {
        FieldSelector selector = parse(text);
        if (selector.css().isEmpty()) {
            return selector.attribute() == null ? Optional.of("is empty") : Optional.empty();
        }
        try {
            QueryParser.parse(selector.css());
            return Optional.empty();
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            return Optional.of("is not a valid CSS selector: " + e.getMessage());
        }
    }

    /** The element this field reads within {@code item}, or null when the selector matches nothing. */
    Element target(Element item) {
        return css.isEmpty() ? item : item.selectFirst(css);
    }

    /** The field's text (or attribute value), whitespace collapsed, or null when absent or blank. */
    String read(Element item) {
        Element target = target(item);
        if (target == null) {
            return null;
        }
        String value = attribute == null ? target.text() : target.attr(attribute);
        value = value.replaceAll("\\s+", " ").strip();
        return value.isEmpty() ? null : value;
    }

    /** Like {@link #read}, resolved against the page's URL (jsoup's base URI, which honours {@code <base>}). */
    String readUrl(Element item) {
        Element target = target(item);
        if (target == null) {
            return null;
        }
        String key = attribute == null ? "href" : attribute;
        String absolute = target.absUrl(key);
        return absolute.isEmpty() ? read(item) : absolute;
    }
}

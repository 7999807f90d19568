package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.source.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A posting link built from an item, {@code https://lifeattiktok.com/search/{/id}}: the text with each JSON pointer
 * in braces replaced by that value of the item, percent-encoded except for '/', so a value cannot add a query.
 *
 * @param literals the text around the pointers, one more than there are pointers
 * @param pointers the pointers, in order
 */
record UrlTemplate(List<String> literals, List<JsonPointer> pointers) {

    private static final String UNRESERVED = "-._~/";
    private static final int BYTE = 0xFF;

    /** Whether a {@code fields.url} value is a template rather than a pointer. */
    static boolean isTemplate(String value) {
        return value.contains("{") || value.contains("}");
    }

    /**
     * Reads a template.
     *
     * @throws IllegalArgumentException saying what is wrong with it, for {@code tern check-config}
     */
    static UrlTemplate parse(String text) {
        List<String> literals = new ArrayList<>();
        List<JsonPointer> pointers = new ArrayList<>();
        int at = 0;
        for (int open = text.indexOf('{'); open >= 0; open = text.indexOf('{', at)) {
            int close = text.indexOf('}', open);
            if (close < 0 || text.substring(at, open).contains("}")) {
                throw new IllegalArgumentException(unbalanced(text));
            }
            String pointer = text.substring(open + 1, close);
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException("the template '" + text + "' has {" + pointer + "}, which is not"
                        + " a JSON pointer: write {/" + pointer + "} (a '/' first)");
            }
            literals.add(text.substring(at, open));
            pointers.add(JsonPointer.compile(pointer));
            at = close + 1;
        }
        if (text.substring(at).contains("}")) {
            throw new IllegalArgumentException(unbalanced(text));
        }
        literals.add(text.substring(at));
        return new UrlTemplate(List.copyOf(literals), List.copyOf(pointers));
    }

    /** The link for {@code item}, or null when one of the pointers gives no value (no link beats a broken one). */
    String expand(JsonNode item) {
        StringBuilder out = new StringBuilder(literals.getFirst());
        for (int i = 0; i < pointers.size(); i++) {
            String value = JsonFields.trimmed(item.at(pointers.get(i)));
            if (value == null) {
                return null;
            }
            out.append(encode(value)).append(literals.get(i + 1));
        }
        return out.toString();
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & BYTE);
            if (c < 128 && (Character.isLetterOrDigit(c) || UNRESERVED.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & BYTE));
            }
        }
        return out.toString();
    }

    private static String unbalanced(String text) {
        return "the template '" + text + "' has an unmatched brace: put each JSON pointer in {}, like"
                + " https://example.com/jobs/{/id}";
    }
}

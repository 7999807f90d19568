package dev.tern.source;

import dev.tern.posting.Posting;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Makes a posting's description from the parts a source gives ("description" and "requirements"): plain text
 * (HTML tags dropped, line breaks kept), the parts separated by a blank line, at most {@value #MAX_LENGTH} characters.
 */
public final class Descriptions {

    /** The longest description kept, in characters. */
    public static final int MAX_LENGTH = Posting.DESCRIPTION_MAX;

    /** Ends of blocks, which {@code wholeText()} would run together with the next block ({@code <br>} it keeps). */
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|li|div|h[1-6])>");

    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern HTML = Pattern.compile("<[a-zA-Z/][^>]*>");

    private Descriptions() {}

    /** The parts joined as one plain-text description, or null when every part is null or blank. */
    public static String of(List<String> parts) {
        List<String> texts = new ArrayList<>();
        for (String part : parts) {
            String text = part == null ? "" : plain(part);
            if (!text.isBlank()) {
                texts.add(text);
            }
        }
        if (texts.isEmpty()) {
            return null;
        }
        String joined = String.join("\n\n", texts);
        return joined.length() <= MAX_LENGTH ? joined : joined.substring(0, MAX_LENGTH);
    }

    private static String plain(String text) {
        if (!HTML.matcher(text).find()) {
            return text.strip();
        }
        String marked = BLOCK_END.matcher(text).replaceAll("$0\n");
        return BLANK_LINES
                .matcher(Jsoup.parse(marked).wholeText())
                .replaceAll("\n\n")
                .strip();
    }
}

package dev.tern.source.html;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import java.util.List;
import java.util.Map;

/** The html type's pure parser for tests outside its package (the property test of every parser). */
public final class HtmlParsing {

    private HtmlParsing() {}

    /** What {@link HtmlAdapter} gets from one page with these selectors. */
    public static List<RawPosting> parse(byte[] body, String pageUrl, Map<String, String> selectors, String next)
            throws FetchException {
        return HtmlParser.parse(body, pageUrl, HtmlSelectors.of(selectors), FieldSelector.parse(next))
                .postings();
    }
}

package dev.tern.source.html;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.web.PostingIds;
import dev.tern.source.web.WebDates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads postings from one careers page through CSS selectors. The id is the canonical link, else a hash of the title;
 * links are resolved against the page URL; an item without a title is skipped (cards for ads or headers).
 */
final class HtmlParser {

    private static final Logger log = LoggerFactory.getLogger(HtmlParser.class);
    private static final int LOGGED_TEXT_LENGTH = 80;

    private HtmlParser() {}

    /**
     * @param body the page's bytes (the charset comes from the page's meta tag, else UTF-8)
     * @param pageUrl the page's URL, for resolving links and for messages
     * @param selectors what to read
     * @param next the selector of the next-page link ({@code a.next}, {@code link[rel=next]@href}), or null
     * @return the postings and the next page's URL, if any
     * @throws FetchException when the item selector matches nothing, or no item has a title
     */
    static HtmlPage parse(byte[] body, String pageUrl, HtmlSelectors selectors, FieldSelector next)
            throws FetchException {
        Document document = read(body, pageUrl);
        Elements items = document.select(selectors.item());
        if (items.isEmpty()) {
            throw new FetchException("no element on " + pageUrl + " matches selectors.item '" + selectors.item()
                    + "': the page may have changed, or it builds its list with JavaScript (try the jsonld or json"
                    + " type); check the selector against the page's HTML source");
        }
        List<RawPosting> postings = new ArrayList<>(items.size());
        for (Element item : items) {
            RawPosting posting = toPosting(item, selectors);
            if (posting != null) {
                postings.add(posting);
            }
        }
        if (postings.isEmpty()) {
            throw new FetchException(items.size() + " elements on " + pageUrl + " match selectors.item '"
                    + selectors.item() + "' but none has a title at selectors.title '"
                    + selectors.title().css()
                    + "'; check that selector, it is relative to each item");
        }
        String nextUrl = next == null ? null : next.readUrl(document);
        return new HtmlPage(postings, nextUrl);
    }

    private static RawPosting toPosting(Element item, HtmlSelectors selectors) {
        String title = selectors.title().read(item);
        if (title == null) {
            log.debug("skipping an item without a title: {}", abbreviate(item.text()));
            return null;
        }
        String link = selectors.link().readUrl(item);
        String location = read(selectors.location(), item);
        return RawPosting.builder(PostingIds.of(link, title), title)
                .url(PostingIds.canonicalLink(link) == null ? null : link)
                .company(read(selectors.company(), item))
                .locations(location == null ? List.of() : List.of(location))
                .postedAt(WebDates.parse(read(selectors.posted(), item)))
                .build();
    }

    private static String read(FieldSelector selector, Element item) {
        return selector == null ? null : selector.read(item);
    }

    private static Document read(byte[] body, String pageUrl) throws FetchException {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), null, pageUrl);
        } catch (IOException e) {
            throw new FetchException("cannot read the page " + pageUrl + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= LOGGED_TEXT_LENGTH ? text : text.substring(0, LOGGED_TEXT_LENGTH) + "...";
    }

    /**
     * One page's result.
     *
     * @param postings the postings with a title, in page order
     * @param next the absolute URL of the next page, or null
     */
    record HtmlPage(List<RawPosting> postings, String next) {}
}

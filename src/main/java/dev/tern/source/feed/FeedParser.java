package dev.tern.source.feed;

import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.web.PostingIds;
import dev.tern.source.web.WebDates;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads an RSS 2.0 or Atom 1.0 feed into postings: guid/id (else the link, else a hash of the title) is the id;
 * {@code pubDate} (RFC 1123), {@code published} or {@code updated} the posting date; categories are kept. Descriptions
 * are not read: nothing downstream uses them. The XML is parsed by {@link SafeXml}, which refuses DOCTYPEs.
 */
public final class FeedParser {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    private FeedParser() {}

    /**
     * @param body the feed's bytes
     * @param url the feed URL, for messages and for resolving relative links
     * @param titlePattern splits titles into title, company and location, or null
     */
    public static List<RawPosting> parse(byte[] body, String url, Pattern titlePattern) throws FetchException {
        Document document = SafeXml.parse(body, url);
        Element root = document.getDocumentElement();
        String name = root.getLocalName();
        if ("rss".equals(name)) {
            Element channel = Dom.child(root, null, "channel");
            if (channel == null) {
                throw new FetchException("unexpected RSS from " + url + ": <rss> has no <channel>");
            }
            return read(Dom.children(channel, null, "item"), url, titlePattern, false);
        }
        if ("feed".equals(name) && ATOM_NS.equals(root.getNamespaceURI())) {
            return read(Dom.children(root, ATOM_NS, "entry"), url, titlePattern, true);
        }
        throw new FetchException("the document at " + url + " is not an RSS 2.0 or Atom 1.0 feed: its root element is <"
                + root.getNodeName() + ">, not <rss> or <feed xmlns=\"" + ATOM_NS + "\">");
    }

    private static List<RawPosting> read(List<Element> entries, String url, Pattern titlePattern, boolean atom)
            throws FetchException {
        List<RawPosting> postings = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            String where = (atom ? "<entry> " : "<item> ") + (i + 1);
            postings.add(atom ? atomEntry(entry, url, where, titlePattern) : rssItem(entry, url, where, titlePattern));
        }
        return postings;
    }

    private static RawPosting rssItem(Element item, String url, String where, Pattern titlePattern)
            throws FetchException {
        String title = requiredTitle(Dom.text(item, null, "title"), url, where);
        String link = resolve(url, Dom.text(item, null, "link"));
        String guid = Dom.text(item, null, "guid");
        Instant posted = WebDates.parse(Dom.text(item, null, "pubDate"));
        List<String> categories = new ArrayList<>();
        Dom.children(item, null, "category").forEach(c -> addIfPresent(categories, Dom.text(c)));
        return posting(guid != null ? guid : PostingIds.of(link, title), title, titlePattern)
                .url(link)
                .postedAt(posted != null ? posted : WebDates.parse(Dom.text(item, DC_NS, "date")))
                .categories(categories)
                .description(Descriptions.of(Collections.singletonList(Dom.text(item, null, "description"))))
                .build();
    }

    private static RawPosting atomEntry(Element entry, String url, String where, Pattern titlePattern)
            throws FetchException {
        Element titleElement = Dom.child(entry, ATOM_NS, "title");
        String rawTitle = Dom.text(titleElement);
        boolean html = titleElement != null && "html".equals(titleElement.getAttribute("type"));
        String title =
                requiredTitle(html && rawTitle != null ? Jsoup.parse(rawTitle).text() : rawTitle, url, where);
        String link = resolve(url, alternateLink(entry));
        String id = Dom.text(entry, ATOM_NS, "id");
        Instant published = WebDates.parse(Dom.text(entry, ATOM_NS, "published"));
        List<String> categories = new ArrayList<>();
        for (Element category : Dom.children(entry, ATOM_NS, "category")) {
            String label = category.getAttribute("label");
            addIfPresent(categories, label.isBlank() ? category.getAttribute("term") : label);
        }
        return posting(id != null ? id : PostingIds.of(link, title), title, titlePattern)
                .url(link)
                .postedAt(published != null ? published : WebDates.parse(Dom.text(entry, ATOM_NS, "updated")))
                .categories(categories)
                .description(Descriptions.of(
                        Arrays.asList(Dom.text(entry, ATOM_NS, "content"), Dom.text(entry, ATOM_NS, "summary"))))
                .build();
    }

    private static RawPosting.Builder posting(String id, String title, Pattern titlePattern) {
        TitlePattern.Parts parts = TitlePattern.split(title, titlePattern);
        return RawPosting.builder(id, parts.title())
                .company(parts.company())
                .locations(parts.location() == null ? List.of() : List.of(parts.location()));
    }

    /** The href of the first {@code link} with rel="alternate" or no rel. */
    private static String alternateLink(Element entry) {
        for (Element link : Dom.children(entry, ATOM_NS, "link")) {
            String rel = link.getAttribute("rel");
            if ((rel.isEmpty() || rel.equals("alternate"))
                    && !link.getAttribute("href").isBlank()) {
                return link.getAttribute("href").strip();
            }
        }
        return null;
    }

    private static String requiredTitle(String title, String url, String where) throws FetchException {
        if (title == null || title.isBlank()) {
            throw new FetchException("unexpected feed from " + url + ": " + where + " has no title");
        }
        return title;
    }

    private static String resolve(String base, String link) {
        if (link == null) {
            return null;
        }
        try {
            return URI.create(base).resolve(link).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    private static void addIfPresent(List<String> out, String value) {
        if (value != null && !value.isBlank()) {
            out.add(value.strip());
        }
    }
}

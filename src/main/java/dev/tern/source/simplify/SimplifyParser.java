package dev.tern.source.simplify;

import static dev.tern.source.JsonFields.epoch;
import static dev.tern.source.JsonFields.text;
import static dev.tern.source.JsonFields.texts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a SimplifyJobs-style {@code listings.json} one entry at a time, so a 15,000-entry file never becomes one big
 * tree. An entry without a title, or without both an id and a URL, is skipped (logged); an entry without an id but
 * with a URL gets {@code u<hash of the URL>} as its id. {@code active: false} or {@code is_visible: false} is closed.
 * {@code sponsorship} and {@code degrees} are passed on as written. Duplicate ids are resolved as {@link ListingSet}
 * says.
 */
public final class SimplifyParser {

    private static final Logger log = LoggerFactory.getLogger(SimplifyParser.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int URL_ID_HEX_CHARS = 16;

    private SimplifyParser() {}

    /** Parses a whole listings.json; {@code url} only names the source in messages. */
    public static List<RawPosting> parse(byte[] body, String url) throws FetchException {
        return parse(new ByteArrayInputStream(body), url);
    }

    /** Parses a listings.json from a stream, which it closes. */
    public static List<RawPosting> parse(InputStream in, String url) throws FetchException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new FetchException("unexpected response from " + url
                        + ": expected a JSON array of listings, found " + describe(first));
            }
            return readEntries(parser, url);
        } catch (JsonProcessingException e) {
            throw JsonFields.malformed(url, e);
        } catch (IOException e) {
            throw new FetchException("reading the listings from " + url + " failed: " + e.getMessage(), e);
        }
    }

    private static List<RawPosting> readEntries(JsonParser parser, String url) throws IOException, FetchException {
        ListingSet listings = new ListingSet();
        int index = 0;
        int skipped = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new FetchException("malformed JSON from " + url + ": the listings array is not closed");
            }
            JsonNode node = MAPPER.readTree(parser);
            Optional<SimplifyEntry> entry = node.isObject() ? toEntry(node, index) : Optional.empty();
            entry.ifPresent(listings::add);
            skipped += entry.isEmpty() ? 1 : 0;
            index++;
        }
        if (skipped + listings.dropped() + listings.renamed() > 0) {
            log.debug(
                    "{}: {} entries, {} skipped (no title, or neither id nor url), {} duplicate copies dropped,"
                            + " {} postings sharing an id renamed",
                    url,
                    index,
                    skipped,
                    listings.dropped(),
                    listings.renamed());
        }
        return listings.postings();
    }

    private static Optional<SimplifyEntry> toEntry(JsonNode node, int index) {
        String title = text(node, "title");
        String url = text(node, "url");
        String id = text(node, "id");
        if (id == null && url != null) {
            id = "u" + ListingSet.shortHash(url, URL_ID_HEX_CHARS);
        }
        if (title == null || id == null) {
            log.debug("skipping listing [{}]: no {}", index, title == null ? "title" : "id nor url");
            return Optional.empty();
        }
        List<String> terms = texts(node, "terms");
        Instant posted = epoch(node, "date_posted", false);
        return Optional.of(new SimplifyEntry(
                id,
                text(node, "company_name"),
                title,
                url,
                texts(node, "locations"),
                terms.isEmpty() ? texts(node, "season") : terms,
                posted != null ? posted : epoch(node, "date_updated", false),
                texts(node, "category"),
                !isFalse(node.get("active")) && !isFalse(node.get("is_visible")),
                text(node, "sponsorship"),
                texts(node, "degrees")));
    }

    private static boolean isFalse(JsonNode value) {
        return value != null && (value.isBoolean() && !value.booleanValue() || "false".equals(value.asText()));
    }

    private static String describe(JsonToken token) {
        return token == null ? "an empty body" : token == JsonToken.START_OBJECT ? "an object" : "a " + token.name();
    }
}

package dev.tern.source.jsonld;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.web.PostingIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every schema.org {@code JobPosting} in the {@code <script type="application/ld+json">} blocks of a page:
 * several blocks, arrays, {@code @graph} and nesting (an {@code ItemList}) are all searched, and a malformed block is
 * skipped without hiding the others.
 */
public final class JsonLdParser {

    private static final Logger log = LoggerFactory.getLogger(JsonLdParser.class);
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final int MAX_DEPTH = 12;

    private JsonLdParser() {}

    /** Every JobPosting with a title on the page, possibly none. */
    public static List<RawPosting> parse(byte[] body, String pageUrl) throws FetchException {
        return postings(document(body, pageUrl), pageUrl);
    }

    static Document document(byte[] body, String pageUrl) throws FetchException {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), null, pageUrl);
        } catch (IOException e) {
            throw new FetchException("cannot read the page " + pageUrl + ": " + e.getMessage(), e);
        }
    }

    static List<RawPosting> postings(Document document, String pageUrl) {
        Map<String, RawPosting> byId = new LinkedHashMap<>();
        for (JsonNode job : jobPostings(document, pageUrl)) {
            RawPosting posting = JobPostingReader.read(job, pageUrl);
            if (posting == null) {
                log.debug("skipping a JobPosting without a title on {}", pageUrl);
            } else if (byId.putIfAbsent(posting.externalId(), posting) != null) {
                String id = posting.externalId() + "#" + PostingIds.shortHash(posting.title());
                byId.putIfAbsent(id, withId(posting, id));
            }
        }
        return List.copyOf(byId.values());
    }

    /** How many JSON-LD blocks the page has, for messages. */
    static int blockCount(Document document) {
        return document.select("script[type=application/ld+json]").size();
    }

    private static List<JsonNode> jobPostings(Document document, String pageUrl) {
        List<JsonNode> found = new ArrayList<>();
        int index = 0;
        for (Element script : document.select("script[type=application/ld+json]")) {
            index++;
            try {
                collect(MAPPER.readTree(unwrap(script.data())), found, 0);
            } catch (JsonProcessingException e) {
                log.debug("skipping malformed JSON-LD block {} on {}: {}", index, pageUrl, e.getOriginalMessage());
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found, int depth) {
        if (node == null || depth > MAX_DEPTH || !node.isContainerNode()) {
            return;
        }
        if (node.isObject() && isJobPosting(node.get("@type"))) {
            found.add(node);
            return;
        }
        for (JsonNode child : node) {
            collect(child, found, depth + 1);
        }
    }

    private static boolean isJobPosting(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (isJobPosting(one)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText().strip();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1)
                .equals("JobPosting");
    }

    /** The JSON inside a script, without the HTML comment or CDATA wrapper some sites add. */
    private static String unwrap(String data) {
        return data.strip()
                .replaceFirst("^<!--", "")
                .replaceFirst("-->$", "")
                .replaceFirst("^\\s*(//\\s*)?<!\\[CDATA\\[", "")
                .replaceFirst("(//\\s*)?]]>\\s*$", "")
                .strip();
    }

    private static RawPosting withId(RawPosting p, String id) {
        return p.toBuilder(id).build();
    }
}

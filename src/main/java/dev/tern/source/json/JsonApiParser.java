package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import dev.tern.source.web.WebDates;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads postings from any JSON API through a {@link JsonMapping}: the array at {@code items}, and in each item the
 * values the field pointers name. A location may be a string or an array of strings; {@code postedAt} may be ISO
 * 8601, RFC 1123 or epoch seconds or milliseconds.
 */
final class JsonApiParser {

    private JsonApiParser() {}

    /**
     * @param body the response body
     * @param url the request URL, for messages and for resolving relative posting URLs
     * @param mapping where the postings and their fields are
     * @throws FetchException when the body is not JSON, {@code items} is not an array, or an item lacks id or title
     */
    static List<RawPosting> parse(byte[] body, String url, JsonMapping mapping) throws FetchException {
        JsonNode items = JsonFields.read(body, url).at(mapping.items());
        if (!items.isArray()) {
            throw new FetchException("unexpected response from " + url + ": items '" + mapping.items() + "' "
                    + (items.isMissingNode() ? "points at nothing" : "is not an array") + "; check the source's"
                    + " 'items' pointer against the response");
        }
        List<RawPosting> postings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            postings.add(toPosting(items.get(i), i, url, mapping));
        }
        return postings;
    }

    private static RawPosting toPosting(JsonNode item, int index, String url, JsonMapping mapping)
            throws FetchException {
        String id = required(item, index, url, mapping, JsonMapping.ID);
        String title = required(item, index, url, mapping, JsonMapping.TITLE);
        return RawPosting.builder(id, title)
                .url(resolve(url, value(item, mapping.field("url"))))
                .company(value(item, mapping.field("company")))
                .locations(texts(item, mapping.field("location")))
                .postedAt(WebDates.parse(value(item, mapping.field("postedAt"))))
                .employmentType(value(item, mapping.field("employmentType")))
                .build();
    }

    private static String required(JsonNode item, int index, String url, JsonMapping mapping, String field)
            throws FetchException {
        String value = value(item, mapping.field(field));
        if (value == null) {
            throw new FetchException("unexpected response from " + url + ": item " + index + " has no " + field
                    + " at '" + mapping.field(field) + "'; check fields." + field + " against the response");
        }
        return value;
    }

    private static String value(JsonNode item, JsonPointer pointer) {
        return pointer == null ? null : JsonFields.trimmed(item.at(pointer));
    }

    private static List<String> texts(JsonNode item, JsonPointer pointer) {
        if (pointer == null) {
            return List.of();
        }
        JsonNode node = item.at(pointer);
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> {
                String text = JsonFields.trimmed(element);
                if (text != null) {
                    out.add(text);
                }
            });
        } else if (JsonFields.trimmed(node) != null) {
            out.add(JsonFields.trimmed(node));
        }
        return out;
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
}

package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import dev.tern.source.web.WebDates;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads postings from any JSON API through a {@link JsonMapping}: the array at {@code items}, and in each item the
 * values the field pointers name. A location may be a string, an array of strings, or parts joined from several
 * pointers; {@code postedAt} may be ISO 8601, RFC 1123 or epoch seconds or milliseconds.
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
        return postings(JsonFields.read(body, url), url, mapping);
    }

    /** As {@link #parse}, from a body already read. */
    static List<RawPosting> postings(JsonNode root, String url, JsonMapping mapping) throws FetchException {
        JsonNode items = root.at(mapping.items());
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
        String link = mapping.url() != null ? mapping.url().expand(item) : value(item, mapping, JsonMapping.URL);
        return RawPosting.builder(id, title)
                .url(resolve(url, link))
                .company(value(item, mapping, "company"))
                .locations(locations(item, mapping.field(JsonMapping.LOCATION)))
                .postedAt(WebDates.parse(value(item, mapping, "postedAt")))
                .employmentType(value(item, mapping, "employmentType"))
                .description(Descriptions.of(values(item, mapping.field(JsonMapping.DESCRIPTION))))
                .build();
    }

    private static String required(JsonNode item, int index, String url, JsonMapping mapping, String field)
            throws FetchException {
        String value = value(item, mapping, field);
        if (value == null) {
            throw new FetchException("unexpected response from " + url + ": item " + index + " has no " + field
                    + " at '" + mapping.field(field).getFirst() + "'; check fields." + field
                    + " against the response");
        }
        return value;
    }

    private static String value(JsonNode item, JsonMapping mapping, String field) {
        List<JsonPointer> pointers = mapping.field(field);
        return pointers.isEmpty() ? null : JsonFields.trimmed(item.at(pointers.getFirst()));
    }

    /** The value of each pointer, null where there is none. */
    private static List<String> values(JsonNode item, List<JsonPointer> pointers) {
        return pointers.stream()
                .map(pointer -> JsonFields.trimmed(item.at(pointer)))
                .toList();
    }

    /**
     * One pointer: a string is one location, an array of strings several. Several pointers: the parts of one
     * location ("San Jose", "California"), joined with ", ", a part that repeats the one before said once.
     */
    private static List<String> locations(JsonNode item, List<JsonPointer> pointers) {
        if (pointers.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (String part : values(item, pointers)) {
                if (part != null && (parts.isEmpty() || !parts.getLast().equalsIgnoreCase(part))) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? List.of() : List.of(String.join(", ", parts));
        }
        if (pointers.isEmpty()) {
            return List.of();
        }
        JsonNode node = item.at(pointers.getFirst());
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

package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.config.SourceConfig;
import dev.tern.source.FetchException;
import dev.tern.source.PagedListing;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Optional paging of a JSON API. {@code param} carries the position, which counts items ({@code type: offset},
 * advancing by the items of each page) or pages ({@code type: page}, advancing by one; the default when
 * {@code param} is {@code page}). With {@code in: query} (the default) {@code param} and {@code sizeParam} are query
 * parameters; with {@code in: body} they are JSON pointers into the POSTed {@code body} ({@code /offset}). With
 * {@code total}, a JSON pointer to the count the answer states, paging goes on until that many items arrived;
 * without it, a short page is the last. {@link JsonPagingCheck} says what is wrong with a source's paging.
 *
 * @param param the query parameter or body pointer carrying the position
 * @param byPage true when the position counts pages, false when it counts items
 * @param start the first position
 * @param size the page size the API uses (or is told, through {@code sizeParam})
 * @param sizeParam the query parameter or body pointer that sets the page size, or null
 * @param inBody true when the position goes into the body, false for the query
 * @param total the pointer to the total count in each answer, or null
 */
record JsonPaging(
        String param, boolean byPage, int start, int size, String sizeParam, boolean inBody, JsonPointer total) {

    static final String KEY = "paging";
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;
    static final String BODY = "body";

    /** The paging of a source already checked by {@link JsonPagingCheck}, or null when it does not page. */
    static JsonPaging of(SourceConfig source) {
        Map<String, String> map = JsonPagingCheck.map(source);
        if (map.isEmpty()) {
            return null;
        }
        String param = map.get("param").strip();
        boolean byPage = map.getOrDefault("type", param.equals("page") ? "page" : "offset")
                .equals("page");
        int start = map.containsKey("start") ? Integer.parseInt(map.get("start").strip()) : byPage ? 1 : 0;
        int size = map.containsKey("size") ? Integer.parseInt(map.get("size").strip()) : DEFAULT_SIZE;
        boolean inBody = BODY.equals(map.get("in"));
        JsonPointer total = map.containsKey("total") ? JsonPointer.compile(map.get("total")) : null;
        return new JsonPaging(param, byPage, start, size, map.get("sizeParam"), inBody, total);
    }

    /** How {@link PagedListing} pages this API. */
    PagedListing.Plan plan() {
        return new PagedListing.Plan(start, size, byPage, param);
    }

    /** The URL of the page at {@code position}: with the parameters appended to the query, unless they go in the body. */
    URI page(URI base, int position) {
        if (inBody) {
            return base;
        }
        StringBuilder query = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
        append(query, param, position);
        if (sizeParam != null) {
            append(query, sizeParam, size);
        }
        String text = base.toString().replaceFirst("[?#].*$", "");
        return URI.create(text + "?" + query);
    }

    /** The body of the page at {@code position}: {@code template} with the position (and size) written in. */
    JsonNode body(JsonNode template, int position) {
        if (!inBody) {
            return template;
        }
        ObjectNode body = template.deepCopy();
        put(body, JsonPointer.compile(param), position);
        if (sizeParam != null) {
            put(body, JsonPointer.compile(sizeParam), size);
        }
        return body;
    }

    /**
     * The total count an answer states, or -1 when the paging has no {@code total}.
     *
     * @throws FetchException when {@code total} points at no whole number in the answer
     */
    long total(JsonNode answer, String url) throws FetchException {
        if (total == null) {
            return -1;
        }
        JsonNode count = answer.at(total);
        if (count.canConvertToLong() && count.isIntegralNumber()
                || count.isTextual() && count.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(count.asText().strip());
        }
        throw new FetchException("unexpected response from " + url + ": paging.total '" + total + "' "
                + (count.isMissingNode() ? "points at nothing" : "is not a whole number") + "; check paging.total"
                + " against the response");
    }

    /** Writes {@code value} at {@code pointer}, making the objects on the way (checked: none is something else). */
    private static void put(ObjectNode root, JsonPointer pointer, int value) {
        ObjectNode parent = root;
        JsonPointer at = pointer;
        while (!at.tail().matches()) {
            JsonNode child = parent.get(at.getMatchingProperty());
            parent = child instanceof ObjectNode object ? object : parent.putObject(at.getMatchingProperty());
            at = at.tail();
        }
        parent.put(at.getMatchingProperty(), value);
    }

    private static void append(StringBuilder query, String name, int value) {
        query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(value);
    }
}

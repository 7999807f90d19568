package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.Http;
import dev.tern.source.web.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@code json} source asks: {@code GET}, or {@code POST} of {@code body} (JSON text, or a YAML mapping sent as
 * JSON), with its {@code headers}. With paging in the body, each page's body is the source's body with the position
 * written in.
 *
 * @param post true for POST
 * @param body the body as written, sent as it is when it is not paged; empty for GET
 * @param headers the extra request headers
 */
record JsonRequest(boolean post, String body, Map<String, String> headers) {

    static final String METHOD = "method";
    static final String BODY = "body";
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The request of a source already checked by {@link #problems}. */
    static JsonRequest of(SourceConfig source) {
        return new JsonRequest(isPost(source), rawBody(source), JsonHeaders.of(source));
    }

    /** Sends the request once, without paging: a GET is conditional on {@code tags}. */
    Http.Response send(Http http, URI uri, CacheTags tags) throws FetchException, InterruptedException {
        return post ? http.post(uri, JSON, bytes(body), headers) : http.get(uri, tags, headers);
    }

    /** Sends the request for the page at {@code position}. */
    Http.Response send(Http http, URI uri, JsonPaging paging, int position)
            throws FetchException, InterruptedException {
        if (!post) {
            return http.get(paging.page(uri, position), CacheTags.NONE, headers);
        }
        if (!paging.inBody()) {
            return http.post(paging.page(uri, position), JSON, bytes(body), headers);
        }
        JsonNode template = parse(body).orElseThrow();
        return http.post(uri, JSON, bytes(paging.body(template, position).toString()), headers);
    }

    /** Everything wrong with {@code method}, {@code body} and {@code headers}, each problem naming its key. */
    static List<Problem> problems(SourceConfig source) {
        List<Problem> problems = new ArrayList<>(Settings.checkOneOf(source, METHOD, List.of("GET", "POST")));
        if (source.settings().get(BODY) != null && !isPost(source)) {
            problems.add(new Problem(BODY, "is only sent with method: POST"));
        }
        problems.addAll(JsonHeaders.problems(source));
        return problems;
    }

    /** The source's body as JSON, if it is JSON (a YAML mapping or list, or JSON text). */
    static Optional<JsonNode> jsonBody(SourceConfig source) {
        return parse(rawBody(source));
    }

    static boolean isPost(SourceConfig source) {
        return source.setting(METHOD).filter("POST"::equals).isPresent();
    }

    private static String rawBody(SourceConfig source) {
        Object body = source.settings().get(BODY);
        if (body instanceof Map<?, ?> || body instanceof List<?>) {
            return MAPPER.valueToTree(body).toString();
        }
        return body == null ? "" : String.valueOf(body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            return Optional.ofNullable(MAPPER.readTree(text)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

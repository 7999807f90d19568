package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.source.web.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What is wrong with the {@code paging} of a {@code json} source, each problem naming its key. */
final class JsonPagingCheck {

    private static final String KEY = JsonPaging.KEY;
    private static final Set<String> NAMES = Set.of("param", "type", "start", "size", "sizeParam", "in", "total");
    private static final String NAME_LIST = "param, type, start, size, sizeParam, in, total";

    private JsonPagingCheck() {}

    /** The paging keys as text; empty when the source does not page. */
    static Map<String, String> map(SourceConfig source) {
        return Settings.map(source, KEY);
    }

    static List<Problem> problems(SourceConfig source) {
        Map<String, String> map;
        try {
            map = map(source);
        } catch (IllegalArgumentException e) {
            return List.of(new Problem(KEY, "must be a map such as {param: offset, size: 50}"));
        }
        if (map.isEmpty()) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        map.keySet().stream()
                .filter(name -> !NAMES.contains(name))
                .forEach(name -> problems.add(new Problem(KEY + "." + name, "is not a paging key; use " + NAME_LIST)));
        oneOf(map, "type", "offset (counts items) or page (counts pages)", problems, "offset", "page");
        oneOf(
                map,
                "in",
                "query (the default) or body (the position goes into the POSTed body)",
                problems,
                "query",
                "body");
        wholeNumber(map, "start", 0, Integer.MAX_VALUE / 2, problems);
        wholeNumber(map, "size", 1, JsonPaging.MAX_SIZE, problems);
        if (map.containsKey("total")) {
            JsonPointers.check(KEY + ".total", map.get("total"), problems);
        }
        if (JsonPaging.BODY.equals(map.get("in"))) {
            bodyProblems(source, map, problems);
        } else if (map.get("param") == null || map.get("param").isBlank()) {
            problems.add(new Problem(
                    KEY + ".param", "is required: the query parameter that carries the position, e.g. offset or page"));
        }
        return problems;
    }

    /** With {@code in: body}: a POST of a JSON object, and pointers into it that lead through objects only. */
    private static void bodyProblems(SourceConfig source, Map<String, String> map, List<Problem> problems) {
        if (!JsonRequest.isPost(source)) {
            problems.add(new Problem(KEY + ".in", "body needs method: POST (the position is written into the body)"));
        }
        Optional<JsonNode> body = JsonRequest.jsonBody(source);
        if (body.isEmpty() || !body.get().isObject()) {
            problems.add(new Problem(
                    JsonRequest.BODY,
                    "must be a JSON object when paging.in is body, e.g. '{\"keyword\": \"intern\", \"offset\": 0}'"
                            + " (or a YAML mapping)"));
            return;
        }
        if (map.get("param") == null || map.get("param").isBlank()) {
            problems.add(new Problem(
                    KEY + ".param", "is required: the JSON pointer in body that carries the position, e.g. /offset"));
        } else {
            bodyPointer(body.get(), "param", map.get("param"), problems);
        }
        if (map.containsKey("sizeParam")) {
            bodyPointer(body.get(), "sizeParam", map.get("sizeParam"), problems);
        }
    }

    private static void bodyPointer(JsonNode body, String name, String pointer, List<Problem> problems) {
        String key = KEY + "." + name;
        if (!pointer.startsWith("/")) {
            problems.add(new Problem(key, "with in: body, is a JSON pointer into body such as /" + pointer));
            return;
        }
        JsonPointer at;
        try {
            at = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            JsonPointers.check(key, pointer, problems);
            return;
        }
        for (JsonNode node = body; !at.tail().matches(); at = at.tail()) {
            node = node.path(at.getMatchingProperty());
            if (!node.isMissingNode() && !node.isObject()) {
                problems.add(new Problem(
                        key,
                        "'" + pointer + "' leads through '" + at.getMatchingProperty() + "', which is not an object"
                                + " in body; point at a number inside objects only"));
                return;
            }
        }
    }

    private static void oneOf(
            Map<String, String> map, String name, String rule, List<Problem> problems, String... allowed) {
        String value = map.get(name);
        if (value != null && !List.of(allowed).contains(value)) {
            problems.add(new Problem(KEY + "." + name, "must be " + rule));
        }
    }

    private static void wholeNumber(Map<String, String> map, String name, int min, int max, List<Problem> problems) {
        String value = map.get(name);
        if (value == null) {
            return;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(KEY + "." + name, "must be a whole number from " + min + " to " + max));
    }
}

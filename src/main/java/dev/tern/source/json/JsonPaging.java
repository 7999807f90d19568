package dev.tern.source.json;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.source.web.Settings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Optional paging of a JSON API through a query parameter: {@code param} carries the position, which counts items
 * ({@code type: offset}, advancing by the items of each page) or pages ({@code type: page}, advancing by one; the
 * default when {@code param} is {@code page}). Paging stops at an empty or short page (fewer than {@code size}).
 *
 * @param param the query parameter carrying the position
 * @param byPage true when the position counts pages, false when it counts items
 * @param start the first position
 * @param size the page size the API uses (or is told, through {@code sizeParam})
 * @param sizeParam the query parameter that sets the page size, or null
 */
record JsonPaging(String param, boolean byPage, int start, int size, String sizeParam) {

    static final String KEY = "paging";
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;
    private static final Set<String> NAMES = Set.of("param", "type", "start", "size", "sizeParam");

    /** The paging of a source already checked by {@link #problems}, or null when it does not page. */
    static JsonPaging of(SourceConfig source) {
        Map<String, String> map = Settings.map(source, KEY);
        if (map.isEmpty()) {
            return null;
        }
        String param = map.get("param").strip();
        boolean byPage = map.getOrDefault("type", param.equals("page") ? "page" : "offset")
                .equals("page");
        int start = map.containsKey("start") ? Integer.parseInt(map.get("start").strip()) : byPage ? 1 : 0;
        int size = map.containsKey("size") ? Integer.parseInt(map.get("size").strip()) : DEFAULT_SIZE;
        return new JsonPaging(param, byPage, start, size, map.get("sizeParam"));
    }

    /** The URL of the page at {@code position}: the parameters appended to the query. */
    URI page(URI base, int position) {
        StringBuilder query = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
        append(query, param, position);
        if (sizeParam != null) {
            append(query, sizeParam, size);
        }
        String text = base.toString().replaceFirst("[?#].*$", "");
        return URI.create(text + "?" + query);
    }

    /** The position after a page of {@code items} items. */
    int next(int position, int items) {
        return byPage ? position + 1 : position + items;
    }

    private static void append(StringBuilder query, String name, int value) {
        query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(value);
    }

    /** Everything wrong with {@code paging}, each problem naming its key. */
    static List<Problem> problems(SourceConfig source) {
        Map<String, String> map;
        try {
            map = Settings.map(source, KEY);
        } catch (IllegalArgumentException e) {
            return List.of(new Problem(KEY, "must be a map such as {param: offset, size: 50}"));
        }
        if (map.isEmpty()) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        if (map.get("param") == null || map.get("param").isBlank()) {
            problems.add(new Problem(
                    KEY + ".param",
                    "is required: the query parameter that carries the position," + " e.g. offset or page"));
        }
        map.keySet().stream()
                .filter(name -> !NAMES.contains(name))
                .forEach(name -> problems.add(
                        new Problem(KEY + "." + name, "is not a paging key; use param, type, start, size, sizeParam")));
        String type = map.get("type");
        if (type != null && !type.equals("offset") && !type.equals("page")) {
            problems.add(new Problem(KEY + ".type", "must be offset (counts items) or page (counts pages)"));
        }
        wholeNumber(map, "start", 0, Integer.MAX_VALUE / 2, problems);
        wholeNumber(map, "size", 1, MAX_SIZE, problems);
        return problems;
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

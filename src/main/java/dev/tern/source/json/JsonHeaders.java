package dev.tern.source.json;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code headers} of a {@code json} source: request headers sent with every request, such as
 * {@code website-path: tiktok} or {@code Authorization: Bearer ${API_TOKEN}}. Values may hold credentials, so no
 * message ever quotes one: problems name the header only.
 */
final class JsonHeaders {

    static final String KEY = "headers";
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the JDK's HTTP client sets itself and refuses to take from a caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private JsonHeaders() {}

    /** The headers of a source already checked by {@link #problems}, by name. */
    static Map<String, String> of(SourceConfig source) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (source.settings().get(KEY) instanceof Map<?, ?> map) {
            map.forEach((name, value) ->
                    headers.put(String.valueOf(name), String.valueOf(value).strip()));
        }
        return Map.copyOf(headers);
    }

    /** Everything wrong with {@code headers}, each problem naming the header (never its value). */
    static List<Problem> problems(SourceConfig source) {
        Object value = source.settings().get(KEY);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            return List.of(new Problem(
                    KEY,
                    "must be a map of header names to values, e.g. {website-path: tiktok, Authorization:"
                            + " \"Bearer ${API_TOKEN}\"}"));
        }
        List<Problem> problems = new ArrayList<>();
        map.forEach((name, headerValue) -> problems.addAll(problems(String.valueOf(name), headerValue)));
        return problems;
    }

    private static List<Problem> problems(String name, Object value) {
        String key = KEY + "." + name;
        if (!NAME.matcher(name).matches()) {
            return List.of(new Problem(key, "is not a valid header name: use letters, digits and - (like X-Api-Key)"));
        }
        if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            return List.of(new Problem(key, "is set by Tern's HTTP client itself; remove it"));
        }
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return List.of(new Problem(key, "must be one text value (it may read the environment: ${VAR})"));
        }
        if (String.valueOf(value).contains("\n") || String.valueOf(value).contains("\r")) {
            return List.of(new Problem(key, "must be one line: a header value cannot hold a line break"));
        }
        return List.of();
    }
}

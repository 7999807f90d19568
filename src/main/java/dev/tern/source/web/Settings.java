package dev.tern.source.web;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the nested and numeric type-specific keys of a source ({@code selectors}, {@code fields}, {@code maxPages}). */
public final class Settings {

    private Settings() {}

    /**
     * The key as a map of text values (nested maps and lists are kept as their text), empty when the key is absent.
     *
     * @throws IllegalArgumentException when the key is present but is not a map
     */
    public static Map<String, String> map(SourceConfig source, String key) {
        Object value = source.settings().get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException("'" + key + "' must be a map of names to values, not a single value");
        }
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, item) -> {
            if (item != null) {
                out.put(String.valueOf(name), String.valueOf(item));
            }
        });
        return out;
    }

    /** An integer key between {@code min} and {@code max}, or {@code fallback} when absent. */
    public static int integer(SourceConfig source, String key, int fallback, int min, int max) {
        Optional<String> value = source.setting(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get().strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + key + "' must be a whole number from " + min + " to " + max);
    }

    /** A problem for {@code key} when {@link #integer} would throw, else none. */
    public static List<Problem> checkInteger(SourceConfig source, String key, int min, int max) {
        try {
            integer(source, key, min, min, max);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(new Problem(key, "must be a whole number from " + min + " to " + max));
        }
    }

    /** A problem for {@code key} when it is set to something other than one of {@code allowed}. */
    public static List<Problem> checkOneOf(SourceConfig source, String key, List<String> allowed) {
        return source.setting(key)
                .filter(value -> !allowed.contains(value))
                .map(value -> List.of(new Problem(key, "must be one of " + String.join(", ", allowed))))
                .orElse(List.of());
    }
}

package dev.tern.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.config.FilterConfig;
import dev.tern.posting.Hashes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stores a {@link FilterConfig} as JSON, and computes its duplicate key: a hash of a canonical form in which
 * spacing, letter case of names and list order do not count, so "ML" in Singapore and "ml" in singapore are the
 * same subscription.
 */
final class FilterCodec {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private FilterCodec() {}

    static String toJson(FilterConfig filter) {
        try {
            return JSON.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a stored filter; a malformed one throws IllegalArgumentException. */
    static FilterConfig fromJson(String json) {
        try {
            return JSON.readValue(json, FilterConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable stored filter: " + e.getOriginalMessage(), e);
        }
    }

    /** The SHA-256 (hex) of the canonical form. */
    static String key(FilterConfig filter) {
        try {
            return Hashes.sha256(JSON.writeValueAsBytes(canonical(filter)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot compute a filter key: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> canonical(FilterConfig filter) {
        Map<String, Object> form = new TreeMap<>();
        String keywords =
                filter.keywords() == null ? "" : filter.keywords().strip().replaceAll("\\s+", " ");
        form.put("keywords", keywords);
        form.put("locations", names(filter.locations()));
        form.put("startYears", new TreeSet<>(filter.startYears()));
        form.put("companies", names(filter.companies()));
        form.put("excludeCompanies", names(filter.excludeCompanies()));
        form.put("remote", filter.remote().name());
        form.put("includeUnknownYear", filter.startYears().isEmpty() || filter.includeUnknownYear());
        // Added only when used, so that the keys of filters stored before these parts existed stay the same.
        putIfAny(form, "sponsorship", filter.sponsorship());
        putIfAny(form, "degrees", filter.degrees());
        if (!filter.degrees().isEmpty()) {
            form.put("includeUnknownDegree", filter.includeUnknownDegree());
        }
        putIfAny(form, "categories", filter.categories());
        return form;
    }

    private static void putIfAny(Map<String, Object> form, String key, Collection<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            form.put(key, new TreeSet<>(values));
        }
    }

    private static List<String> names(Collection<String> names) {
        TreeSet<String> normalized = new TreeSet<>();
        names.stream().map(PostingFacts::normalize).filter(n -> !n.isEmpty()).forEach(normalized::add);
        return List.copyOf(normalized);
    }
}

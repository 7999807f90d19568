package dev.tern.config;

import java.util.List;
import java.util.Set;

/**
 * What a source type accepts in YAML beyond the keys every source takes. The loader checks required and unknown
 * keys with it and reports {@link #check} problems with their YAML path and line.
 */
public interface SourceTypeSpec {

    /** The {@code type} value, e.g. "greenhouse". */
    String type();

    /** Type-specific keys that must be present. */
    Set<String> requiredKeys();

    /** Type-specific keys that may be present. */
    Set<String> optionalKeys();

    /** Whether everything this type lists counts as an internship (curated lists do). */
    default boolean curated() {
        return false;
    }

    /** Further checks of a parsed source; each problem names the key it is about. */
    default List<Problem> check(SourceConfig source) {
        return List.of();
    }

    /**
     * A problem with one key of a source.
     *
     * @param key the key inside the source entry ("board", "selectors.item")
     * @param message what is wrong and what to write instead
     */
    record Problem(String key, String message) {}
}

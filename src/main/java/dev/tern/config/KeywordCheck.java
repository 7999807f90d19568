package dev.tern.config;

import java.util.Optional;

/**
 * Checks a route's keyword query while the configuration loads. The application wires it to the keyword parser
 * of the match stage, which the config stage must not depend on.
 */
@FunctionalInterface
public interface KeywordCheck {

    /** What is wrong with the query (saying where), or empty when it parses. */
    Optional<String> problem(String query);

    /** A check that accepts every query. */
    static KeywordCheck acceptAll() {
        return query -> Optional.empty();
    }
}

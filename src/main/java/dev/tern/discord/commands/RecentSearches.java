package dev.tern.discord.commands;

import dev.tern.config.FilterConfig;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last searches of {@code /postings}, each under a short random token that its page buttons carry, so a
 * click finds the filter again. Bounded: the oldest search is forgotten first.
 */
final class RecentSearches {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int TOKEN_LENGTH = 10;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, FilterConfig> searches;

    RecentSearches(int capacity) {
        this.searches = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FilterConfig> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Keeps the filter and returns its new token. */
    synchronized String remember(FilterConfig filter) {
        String token;
        do {
            token = token();
        } while (searches.containsKey(token));
        searches.put(token, filter);
        return token;
    }

    /** The filter of a token, unless it is unknown or forgotten. */
    synchronized Optional<FilterConfig> find(String token) {
        return Optional.ofNullable(searches.get(token));
    }

    private String token() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}

package dev.tern.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.FilterConfig;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RecentSearchesTest {

    @Test
    void forgetsTheOldestSearchBeyondItsCapacity() {
        RecentSearches searches = new RecentSearches(2);
        FilterConfig ml = filter("ml");

        String first = searches.remember(ml);
        String second = searches.remember(filter("ai"));
        String third = searches.remember(filter("data"));

        assertThat(searches.find(first)).isEmpty();
        assertThat(searches.find(second)).contains(filter("ai"));
        assertThat(searches.find(third)).contains(filter("data"));
        assertThat(searches.find("unknown")).isEmpty();
    }

    @Test
    void tokensAreShortAndDistinct() {
        RecentSearches searches = new RecentSearches(1000);
        Set<String> tokens = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            tokens.add(searches.remember(FilterConfig.any()));
        }

        assertThat(tokens).hasSize(1000).allSatisfy(token -> assertThat(token).matches("[a-z2-9]{10}"));
    }

    private static FilterConfig filter(String keywords) {
        return new FilterConfig(keywords, null, null, null, null, null, true);
    }
}

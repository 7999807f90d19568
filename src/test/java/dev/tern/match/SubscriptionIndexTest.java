package dev.tern.match;

import static dev.tern.match.TestPostings.SEATTLE;
import static dev.tern.match.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.FilterConfig;
import dev.tern.config.FilterConfig.RemoteMode;
import dev.tern.posting.Posting;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

final class SubscriptionIndexTest {

    private static final long SEED = 20_260_101L;
    private static final int SUBSCRIPTIONS = 3_000;
    private static final int POSTINGS = 2_000;

    private static Subscription subscription(String id, FilterConfig config) throws QueryException {
        return new Subscription(null, id, "console", Filter.of(config));
    }

    private static FilterConfig keywords(String query) {
        return new FilterConfig(query, List.of(), List.of(), List.of(), List.of(), RemoteMode.ANY, true);
    }

    @Test
    void findsExactlyWhatAScanOfEveryFilterFinds() throws QueryException {
        RandomSubscriptions random = new RandomSubscriptions(SEED);
        List<Subscription> subscriptions = random.subscriptions(SUBSCRIPTIONS);
        SubscriptionIndex index = SubscriptionIndex.of(subscriptions);
        long matches = 0;
        for (Posting posting : random.postings(POSTINGS)) {
            // The scan reads the posting once, as the index does; Filter.matches(Posting) does the same per call.
            PostingFacts facts = PostingFacts.of(posting);
            List<Subscription> scanned = subscriptions.stream()
                    .filter(s -> s.filter().matches(facts))
                    .toList();
            assertThat(index.matching(posting)).as("matches for %s", posting).isEqualTo(scanned);
            matches += scanned.size();
        }
        assertThat(matches)
                .as("the random data must produce matches to compare")
                .isGreaterThan(POSTINGS);
        assertThat(index.queriesRun())
                .as("some queries are answered by bitsets alone, some run: both ways are compared")
                .isBetween(SUBSCRIPTIONS / 20, SUBSCRIPTIONS / 2);
    }

    @Test
    void scanOfPublicMatchesAgreesWithTheIndexToo() throws QueryException {
        RandomSubscriptions random = new RandomSubscriptions(SEED + 1);
        List<Subscription> subscriptions = random.subscriptions(SUBSCRIPTIONS / 10);
        SubscriptionIndex index = SubscriptionIndex.of(subscriptions);
        for (Posting posting : random.postings(POSTINGS / 10)) {
            assertThat(index.matching(posting))
                    .isEqualTo(subscriptions.stream()
                            .filter(s -> s.filter().matches(posting))
                            .toList());
        }
    }

    @Test
    void returnsMatchesInTheOrderSubscriptionsWereGiven() throws QueryException {
        Subscription byWord = subscription("word", keywords("intern"));
        Subscription any = subscription("any", FilterConfig.any());
        Subscription byCompany = subscription(
                "company",
                new FilterConfig(null, List.of(), List.of(), List.of("Acme"), List.of(), RemoteMode.ANY, true));
        Subscription byPlace = subscription(
                "place",
                new FilterConfig(null, List.of("Seattle"), List.of(), List.of(), List.of(), RemoteMode.ANY, true));
        SubscriptionIndex index = SubscriptionIndex.of(List.of(byWord, any, byCompany, byPlace));

        assertThat(index.matching(
                        posting().company("Acme").title("Intern").at(SEATTLE).build()))
                .containsExactly(byWord, any, byCompany, byPlace);
        assertThat(index.matching(posting().company("Other").title("Analyst").build()))
                .containsExactly(any);
    }

    @Test
    void answersClausesOfAlternativesByBitsetsAndRunsTheRest() throws QueryException {
        Subscription required = subscription("a", keywords("intern (ml OR ai)"));
        Subscription onlyExclusions = subscription("b", keywords("-senior"));
        Subscription eitherWord = subscription("c", keywords("ml OR ai"));
        SubscriptionIndex index = SubscriptionIndex.of(List.of(required, onlyExclusions, eitherWord));

        assertThat(index.queriesRun())
                .as("only the query that is not one clause of alternatives runs")
                .isEqualTo(1);
        assertThat(index.matching(posting().title("ML Intern").build()))
                .containsExactly(required, onlyExclusions, eitherWord);
        assertThat(index.matching(posting().title("Senior AI Intern").build())).containsExactly(required, eitherWord);
    }

    @Test
    void yearFiledSubscriptionStillSeesUnknownYearsWhenItIncludesThem() throws QueryException {
        Subscription included = subscription(
                "in", new FilterConfig(null, List.of(), List.of(2026), List.of(), List.of(), RemoteMode.ANY, true));
        Subscription excluded = subscription(
                "out", new FilterConfig(null, List.of(), List.of(2026), List.of(), List.of(), RemoteMode.ANY, false));
        SubscriptionIndex index = SubscriptionIndex.of(List.of(included, excluded));

        assertThat(index.matching(posting().build())).containsExactly(included);
        assertThat(index.matching(posting().startYear(2026).build())).containsExactly(included, excluded);
        assertThat(index.matching(posting().startYear(2027).build())).isEmpty();
    }

    @Test
    void matcherReadsTheCurrentIndexOnEveryCall() throws QueryException {
        Subscription intern = subscription("intern", keywords("intern"));
        AtomicReference<SubscriptionIndex> current = new AtomicReference<>(SubscriptionIndex.of(List.of()));
        Matcher matcher = new Matcher(current::get);
        Posting posting = posting().title("Intern").build();

        assertThat(matcher.match(posting)).isEmpty();
        current.set(SubscriptionIndex.of(List.of(intern)));
        assertThat(matcher.match(posting)).containsExactly(intern);
    }
}

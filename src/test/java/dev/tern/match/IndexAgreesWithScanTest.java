package dev.tern.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.FilterConfig;
import dev.tern.posting.Posting;
import dev.tern.store.Database;
import dev.tern.store.StoredSubscription;
import dev.tern.store.Stores;
import dev.tern.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The property the index must keep: through the path the poll takes ({@link LiveSubscriptions} read from the
 * store, then {@link Matcher}), a posting matches exactly the subscriptions a scan of every filter finds, in the
 * same order. Random filters use every part a filter has: keyword queries with AND, OR, NOT, exclusions, phrases
 * and groups; known and unknown places; start years and unknown years; companies and excluded companies; remote
 * modes; categories; sponsorship; degrees with and without unknown degrees.
 */
final class IndexAgreesWithScanTest {

    private static final long SEED = 20_261_130L;
    private static final int STORED = 2_500;
    private static final int ROUTES = 40;
    private static final int POSTINGS = 2_000;

    @Test
    void matcherFindsExactlyWhatAScanOfEveryStoredFilterFinds() throws QueryException {
        RandomSubscriptions random = new RandomSubscriptions(SEED);
        List<Subscription> routes = new ArrayList<>();
        for (FilterConfig config : random.filterConfigs(ROUTES)) {
            routes.add(new Subscription("r" + routes.size(), null, "console", Filter.of(config)));
        }
        try (Database database = TestDatabases.fresh()) {
            Stores stores = Stores.create();
            List<FilterConfig> stored = random.filterConfigs(STORED);
            database.transaction(c -> {
                for (int i = 0; i < stored.size(); i++) {
                    stores.subscriptions()
                            .insert(c, StudentPopulation.newSubscription("u" + i, stored.get(i)), Instant.EPOCH);
                }
                return null;
            });
            Matcher matcher =
                    new Matcher(LiveSubscriptions.load(database, stores, routes).index());
            List<Subscription> scanned = new ArrayList<>(routes);
            for (StoredSubscription subscription :
                    database.read(c -> stores.subscriptions().active(c))) {
                Filter filter = Filter.of(FilterCodec.fromJson(subscription.filterJson()));
                scanned.add(new Subscription(null, String.valueOf(subscription.id()), "console", filter));
            }

            long matches = 0;
            for (Posting posting : random.postings(POSTINGS)) {
                List<String> expected = scanned.stream()
                        .filter(s -> s.filter().matches(posting))
                        .map(IndexAgreesWithScanTest::id)
                        .toList();
                assertThat(matcher.match(posting))
                        .as("matches for %s", posting)
                        .extracting(IndexAgreesWithScanTest::id)
                        .containsExactlyElementsOf(expected);
                matches += expected.size();
            }
            assertThat(matches)
                    .as("the random data must produce matches to compare")
                    .isGreaterThan(POSTINGS);
        }
    }

    private static String id(Subscription subscription) {
        return subscription.routeId() != null ? subscription.routeId() : subscription.subscriptionId();
    }
}

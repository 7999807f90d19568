package dev.tern.match;

import dev.tern.config.FilterConfig;
import dev.tern.config.FilterConfig.RemoteMode;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates random but plausible subscriptions and postings from a seeded {@link Random}. */
final class RandomSubscriptions {

    private static final List<String> WORDS = List.of(
            "software",
            "engineer",
            "intern",
            "ml",
            "machine",
            "learning",
            "data",
            "senior",
            "backend",
            "html",
            "c++",
            "quant",
            "research",
            "co-op",
            "summer",
            "analyst");
    private static final List<String> CATEGORIES = List.of("Research", "Engineering", "Data Science", "Quant");
    private static final List<String> COMPANIES = List.of("Acme", "Stripe", "Jane Street", "Globex", "Initech");
    private static final List<String> PLACES = List.of(
            "United States",
            "Canada",
            "Seattle",
            "Remote",
            "Washington",
            "Gotham",
            "Singapore",
            "Atlantis",
            "new york",
            "UK");
    private static final List<Location> LOCATIONS = List.of(
            TestPostings.SEATTLE,
            TestPostings.TORONTO,
            TestPostings.SINGAPORE,
            TestPostings.REMOTE_US,
            new Location("New York, NY", "New York", "NY", "US", false),
            new Location("Gotham", "Gotham", null, null, false),
            new Location("London, UK", "London", null, "GB", false),
            new Location("Remote", null, null, null, true));
    private static final int MAX_DEPTH = 2;

    private final Random random;

    RandomSubscriptions(long seed) {
        this.random = new Random(seed);
    }

    List<Subscription> subscriptions(int count) throws QueryException {
        List<Subscription> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Subscription(null, "s" + i, "console", Filter.of(filterConfig())));
        }
        return out;
    }

    List<Posting> postings(int count) {
        List<Posting> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(posting());
        }
        return out;
    }

    private FilterConfig filterConfig() {
        return new FilterConfig(
                half() ? query(0) : null,
                half() ? some(PLACES, 1 + random.nextInt(2)) : List.of(),
                half() ? some(List.of(2025, 2026, 2027), 1 + random.nextInt(2)) : List.of(),
                random.nextInt(4) == 0 ? some(COMPANIES, 1 + random.nextInt(2)) : List.of(),
                random.nextInt(4) == 0 ? some(COMPANIES, 1) : List.of(),
                RemoteMode.values()[random.nextInt(RemoteMode.values().length)],
                half());
    }

    private Posting posting() {
        Boolean[] remote = {null, true, false};
        Integer[] years = {null, 2025, 2026, 2027};
        return TestPostings.posting()
                .company(pick(COMPANIES).toLowerCase())
                .title(String.join(" ", some(WORDS, 1 + random.nextInt(4))))
                .categories(some(CATEGORIES, random.nextInt(2)).toArray(String[]::new))
                .at(some(LOCATIONS, random.nextInt(3)).toArray(Location[]::new))
                .remote(remote[random.nextInt(remote.length)])
                .startYear(years[random.nextInt(years.length)])
                .build();
    }

    private String query(int depth) {
        int parts = 1 + random.nextInt(3);
        StringBuilder out = new StringBuilder(term(depth));
        for (int i = 1; i < parts; i++) {
            out.append(half() ? " " : " OR ").append(term(depth));
        }
        return out.toString();
    }

    private String term(int depth) {
        return switch (random.nextInt(10)) {
            case 6 -> '"' + pick(WORDS) + " " + pick(WORDS) + '"';
            case 7 -> "-" + term(depth);
            case 8 -> depth < MAX_DEPTH ? "(" + query(depth + 1) + ")" : pick(WORDS);
            case 9 -> "NOT " + pick(WORDS);
            default -> pick(WORDS);
        };
    }

    private boolean half() {
        return random.nextBoolean();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private <T> List<T> some(List<T> from, int count) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(pick(from));
        }
        return out;
    }
}

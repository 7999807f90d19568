package dev.tern.match;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.FilterConfig;
import dev.tern.config.FilterConfig.RemoteMode;
import dev.tern.config.Sponsorship;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random but plausible subscriptions and postings from a seeded {@link Random}. With no extra names the
 * pools are small, so that filters collide often (good for checking correctness); extra names spread them out like
 * a real population of students (good for timing).
 */
final class RandomSubscriptions {

    private static final List<String> BASE_WORDS = List.of(
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
    private static final List<String> BASE_COMPANIES = List.of("Acme", "Stripe", "Jane Street", "Globex", "Initech");
    private static final List<String> BASE_PLACES = List.of(
            "United States",
            "Canada",
            "Seattle",
            "Remote",
            "Washington",
            "Gotham",
            "Singapore",
            "Atlantis",
            "new york",
            "UK",
            "Remote US",
            "CA",
            "NYC",
            "Toronto, ON");
    private static final List<Location> BASE_LOCATIONS = List.of(
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
    private final List<String> words;
    private final List<String> companies;
    private final List<String> places;
    private final List<Location> locations;

    RandomSubscriptions(long seed) {
        this(seed, 0);
    }

    /** @param extraNames how many made-up words, companies and towns to add to each pool */
    RandomSubscriptions(long seed, int extraNames) {
        this.random = new Random(seed);
        this.words = new ArrayList<>(BASE_WORDS);
        this.companies = new ArrayList<>(BASE_COMPANIES);
        this.places = new ArrayList<>(BASE_PLACES);
        this.locations = new ArrayList<>(BASE_LOCATIONS);
        for (int i = 0; i < extraNames; i++) {
            words.add("word" + i);
            companies.add("Company " + i);
            places.add("Town " + i);
            locations.add(new Location("Town " + i, "Town " + i, null, null, false));
        }
    }

    List<Subscription> subscriptions(int count) throws QueryException {
        List<Subscription> out = new ArrayList<>(count);
        for (FilterConfig config : filterConfigs(count)) {
            out.add(new Subscription(null, "s" + out.size(), "console", Filter.of(config)));
        }
        return out;
    }

    /** {@code count} filters using every part a filter has, as /subscribe would store them. */
    List<FilterConfig> filterConfigs(int count) {
        List<FilterConfig> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(filterConfig());
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
                        half() ? some(places, 1 + random.nextInt(2)) : List.of(),
                        half() ? some(List.of(2025, 2026, 2027), 1 + random.nextInt(2)) : List.of(),
                        random.nextInt(4) == 0 ? some(companies, 1 + random.nextInt(2)) : List.of(),
                        random.nextInt(4) == 0 ? some(companies, 1) : List.of(),
                        RemoteMode.values()[random.nextInt(RemoteMode.values().length)],
                        half())
                .withFacts(
                        random.nextInt(4) == 0 ? some(List.of(Sponsorship.values()), 1 + random.nextInt(2)) : List.of(),
                        random.nextInt(4) == 0 ? some(List.of(Degree.values()), 1 + random.nextInt(2)) : List.of(),
                        half(),
                        random.nextInt(3) == 0 ? some(List.of(Category.values()), 1 + random.nextInt(2)) : List.of());
    }

    private Posting posting() {
        Boolean[] remote = {null, true, false};
        Integer[] years = {null, 2025, 2026, 2027};
        return TestPostings.posting()
                .company(pick(companies).toLowerCase())
                .title(String.join(" ", some(words, 1 + random.nextInt(4))))
                .categories(some(CATEGORIES, random.nextInt(2)).toArray(String[]::new))
                .at(some(locations, random.nextInt(3)).toArray(Location[]::new))
                .remote(remote[random.nextInt(remote.length)])
                .startYear(years[random.nextInt(years.length)])
                .sponsorship(pick(List.of(Sponsorship.values())))
                .degrees(some(List.of(Degree.values()), random.nextInt(3)).toArray(Degree[]::new))
                .kind(random.nextInt(20) == 0 ? null : pick(List.of(Category.values())))
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
            case 6 -> '"' + pick(words) + " " + pick(words) + '"';
            case 7 -> "-" + term(depth);
            case 8 -> depth < MAX_DEPTH ? "(" + query(depth + 1) + ")" : pick(words);
            case 9 -> "NOT " + pick(words);
            default -> pick(words);
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

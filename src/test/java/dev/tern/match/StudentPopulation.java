package dev.tern.match;

import dev.tern.config.FilterConfig;
import dev.tern.config.FilterConfig.RemoteMode;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import dev.tern.store.SubscriptionStore.NewSubscription;
import dev.tern.testing.TestPostings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, realistic population for the large-instance benchmarks: students' filters and a listing of postings.
 *
 * <p>The model. Popularity follows Zipf's law (weight of the k-th item ∝ 1/k), as search terms and job locations
 * do: a few roles and hubs take most of the demand, a long tail takes the rest. A student picks 1 keyword (50%), 2
 * (35%) or 3 (15%) from 40 real role words plus a tail of 200 rarer skills, joined by OR (70%) or AND (30%); 10%
 * also exclude "senior"; 15% give no keyword at all. Places: none (20%), 1 (50%), 2 (20%) or 3 (10%) from 40 real
 * hubs, states and countries plus a tail of 260 towns. Start year: next year (60%), this and next (15%), none (25%).
 * 8% name 1–2 companies out of 500. Remote: any (85%), only (10%), excluded (5%).
 *
 * <p>Postings follow a listing such as SimplifyJobs': companies Zipf over the same 500, titles "ROLE Intern" in a
 * few shapes with ROLE Zipf over the role words, 1 location (70%), 2 (20%) or 3 (10%) Zipf over the hubs and towns,
 * 10% remote, starting next year (75%), this year (15%) or unknown (10%).
 */
public final class StudentPopulation {

    private static final List<String> ROLES = List.of(
            "software",
            "engineer",
            "data",
            "machine learning",
            "ml",
            "data science",
            "backend",
            "frontend",
            "full stack",
            "security",
            "quant",
            "product",
            "hardware",
            "embedded",
            "research",
            "ai",
            "cloud",
            "devops",
            "mobile",
            "ios",
            "android",
            "game",
            "robotics",
            "firmware",
            "analyst",
            "finance",
            "design",
            "ux",
            "infrastructure",
            "platform",
            "network",
            "systems",
            "database",
            "compiler",
            "graphics",
            "web",
            "blockchain",
            "bioinformatics",
            "sre",
            "qa");
    private static final String[][] HUBS = {
        {"New York", "NY", "US"}, {"San Francisco", "CA", "US"}, {"Seattle", "WA", "US"}, {"Boston", "MA", "US"},
        {"Austin", "TX", "US"}, {"Chicago", "IL", "US"}, {"Los Angeles", "CA", "US"}, {"San Jose", "CA", "US"},
        {"Mountain View", "CA", "US"}, {"Atlanta", "GA", "US"}, {"Washington", "DC", "US"}, {"Toronto", "ON", "CA"},
        {"Denver", "CO", "US"}, {"Dallas", "TX", "US"}, {"Pittsburgh", "PA", "US"}, {"Raleigh", "NC", "US"},
        {"Philadelphia", "PA", "US"}, {"San Diego", "CA", "US"}, {"Vancouver", "BC", "CA"}, {"London", null, "GB"},
        {"Waterloo", "ON", "CA"}, {"Minneapolis", "MN", "US"}, {"Houston", "TX", "US"}, {"Phoenix", "AZ", "US"},
        {"Portland", "OR", "US"}, {"Miami", "FL", "US"}, {"Montreal", "QC", "CA"}, {"Ann Arbor", "MI", "US"}
    };
    private static final List<String> PLACES = List.of(
            "United States",
            "Remote",
            "New York",
            "San Francisco",
            "Seattle",
            "California",
            "Boston",
            "Austin",
            "Canada",
            "Chicago",
            "Toronto",
            "Texas",
            "Los Angeles",
            "Washington",
            "Atlanta",
            "Denver",
            "Pittsburgh",
            "Massachusetts",
            "Vancouver",
            "London",
            "Waterloo",
            "Dallas",
            "Raleigh",
            "Philadelphia",
            "San Diego",
            "Illinois",
            "Georgia",
            "Colorado",
            "Minneapolis",
            "Houston",
            "Phoenix",
            "Portland",
            "Miami",
            "Montreal",
            "Ann Arbor",
            "Ontario",
            "New Jersey",
            "Virginia",
            "Michigan",
            "Ohio");
    private static final int TAIL_SKILLS = 200;
    private static final int TOWNS = 260;
    private static final int COMPANIES = 500;
    private static final int NEXT_YEAR = 2027;
    private static final String[] TITLE_SHAPES = {"%s Intern", "%s Intern - Summer 2027", "%s Internship", "%s Co-op"};

    private final Random random;
    private final Zipf roles = new Zipf(ROLES.size() + TAIL_SKILLS);
    private final Zipf places = new Zipf(PLACES.size() + TOWNS);
    private final Zipf hubs = new Zipf(HUBS.length + TOWNS);
    private final Zipf companies = new Zipf(COMPANIES);

    public StudentPopulation(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} students' filters. */
    public List<FilterConfig> filters(int count) {
        List<FilterConfig> filters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            filters.add(filter());
        }
        return filters;
    }

    /** {@code count} postings of one source, keyed {@code source:p<i>}. */
    public List<Posting> postings(String sourceId, int count) {
        List<Posting> postings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            postings.add(posting(sourceId, "p" + i));
        }
        return postings;
    }

    /** The row {@code /subscribe} would store for the filter, delivered by DM. */
    public static NewSubscription newSubscription(String userId, FilterConfig filter) {
        return new NewSubscription(
                userId, "1", "2", "discord:user/" + userId, FilterCodec.toJson(filter), FilterCodec.key(filter), null);
    }

    private FilterConfig filter() {
        String keywords = chance(0.15) ? null : keywords();
        List<String> where = new ArrayList<>();
        for (int i = count(0.20, 0.50, 0.20); i > 0; i--) {
            where.add(place());
        }
        double year = random.nextDouble();
        List<Integer> years =
                year < 0.60 ? List.of(NEXT_YEAR) : year < 0.75 ? List.of(NEXT_YEAR - 1, NEXT_YEAR) : List.of();
        List<String> named = chance(0.08) ? companyNames(1 + random.nextInt(2)) : List.of();
        double remote = random.nextDouble();
        RemoteMode mode = remote < 0.85 ? RemoteMode.ANY : remote < 0.95 ? RemoteMode.ONLY : RemoteMode.EXCLUDE;
        return new FilterConfig(keywords, where, years, named, List.of(), mode, true);
    }

    private String keywords() {
        int words = count(0.0, 0.50, 0.35);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            String word = role();
            picked.add(word.contains(" ") ? '"' + word + '"' : word);
        }
        String query = String.join(chance(0.70) ? " OR " : " ", picked);
        return chance(0.10) ? "(" + query + ") -senior" : query;
    }

    private Posting posting(String sourceId, String id) {
        String role = capitalised(role());
        List<Location> locations = new ArrayList<>();
        for (int i = count(0.0, 0.70, 0.20); i > 0; i--) {
            locations.add(location());
        }
        boolean remote = chance(0.10);
        if (remote) {
            locations.add(new Location("Remote", null, null, "US", true));
        }
        double year = random.nextDouble();
        Term term =
                year < 0.75 ? new Term("Summer", NEXT_YEAR) : year < 0.90 ? new Term("Summer", NEXT_YEAR - 1) : null;
        String shape = TITLE_SHAPES[random.nextInt(TITLE_SHAPES.length)];
        return TestPostings.posting(sourceId, id)
                .company(company(companies.next(random)))
                .title(shape.formatted(role + (chance(0.5) ? " Engineer" : "")))
                .locations(locations)
                .remote(remote ? Boolean.TRUE : null)
                .term(term)
                .build();
    }

    private String role() {
        int k = roles.next(random);
        return k < ROLES.size() ? ROLES.get(k) : "skill" + (k - ROLES.size());
    }

    private String place() {
        int k = places.next(random);
        return k < PLACES.size() ? PLACES.get(k) : "Town " + (k - PLACES.size());
    }

    private Location location() {
        int k = hubs.next(random);
        if (k < HUBS.length) {
            String[] hub = HUBS[k];
            String raw = hub[0] + (hub[1] == null ? "" : ", " + hub[1]);
            return new Location(raw, hub[0], hub[1], hub[2], false);
        }
        String town = "Town " + (k - HUBS.length);
        return new Location(town, town, null, "US", false);
    }

    private List<String> companyNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(company(companies.next(random)));
        }
        return names;
    }

    private static String company(int k) {
        return "Company " + k;
    }

    /** 0 with probability {@code none}, 1 with {@code one}, 2 with {@code two}, else 3. */
    private int count(double none, double one, double two) {
        double roll = random.nextDouble();
        return roll < none ? 0 : roll < none + one ? 1 : roll < none + one + two ? 2 : 3;
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Draws ranks 0..n-1 with weight 1/(rank+1). */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1.0 / (k + 1);
                cumulative[k] = sum;
            }
        }

        int next(Random random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int at = java.util.Arrays.binarySearch(cumulative, target);
            return at >= 0 ? at : -at - 1;
        }
    }
}

package dev.tern.match;

import static dev.tern.match.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.FilterConfig;
import dev.tern.config.Sponsorship;
import dev.tern.posting.Hashes;
import dev.tern.posting.Posting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sponsorship, degrees and categories parts of a filter, on their own and as the index files them. */
final class FactFilterTest {

    private static final Posting OFFERED =
            posting().title("a").sponsorship(Sponsorship.OFFERED).build();
    private static final Posting NONE =
            posting().title("b").sponsorship(Sponsorship.NONE).build();
    private static final Posting CITIZENS =
            posting().title("c").sponsorship(Sponsorship.CITIZENS).build();
    private static final Posting SILENT = posting().title("d").build();

    private static FilterConfig facts(
            List<Sponsorship> sponsorship, List<Degree> degrees, boolean includeUnknownDegree, List<Category> kinds) {
        return FilterConfig.any().withFacts(sponsorship, degrees, includeUnknownDegree, kinds);
    }

    private static FilterConfig sponsorship(Sponsorship... accepted) {
        return facts(List.of(accepted), List.of(), true, List.of());
    }

    private static FilterConfig degrees(boolean includeUnknown, Degree... accepted) {
        return facts(List.of(), List.of(accepted), includeUnknown, List.of());
    }

    private static FilterConfig categories(Category... accepted) {
        return facts(List.of(), List.of(), true, List.of(accepted));
    }

    /** What the filter passes, checked to be the same through the index and through the filter alone. */
    private static List<Posting> passed(FilterConfig config, Posting... postings) throws QueryException {
        Filter filter = Filter.of(config);
        SubscriptionIndex index = SubscriptionIndex.of(List.of(new Subscription("r", null, "console", filter)));
        List<Posting> byFilter =
                List.of(postings).stream().filter(filter::matches).toList();
        List<Posting> byIndex = List.of(postings).stream()
                .filter(p -> !index.matching(p).isEmpty())
                .toList();
        assertThat(byIndex).as("the index agrees with the filter").isEqualTo(byFilter);
        return byFilter;
    }

    @Test
    void sponsorshipPassesOnlyTheListedValues() throws QueryException {
        assertThat(passed(sponsorship(Sponsorship.OFFERED, Sponsorship.UNKNOWN), OFFERED, NONE, CITIZENS, SILENT))
                .containsExactly(OFFERED, SILENT);
        assertThat(passed(sponsorship(Sponsorship.NONE), OFFERED, NONE, CITIZENS, SILENT))
                .containsExactly(NONE);
        assertThat(passed(sponsorship(), OFFERED, NONE, CITIZENS, SILENT))
                .containsExactly(OFFERED, NONE, CITIZENS, SILENT);
    }

    @Test
    void degreesPassAPostingThatAcceptsOneOfThem() throws QueryException {
        Posting bsMs =
                posting().title("bs ms").degrees(Degree.BACHELOR, Degree.MASTER).build();
        Posting phd = posting().title("phd").degrees(Degree.PHD).build();
        Posting unstated = posting().title("unstated").build();

        assertThat(passed(degrees(true, Degree.MASTER), bsMs, phd, unstated)).containsExactly(bsMs, unstated);
        assertThat(passed(degrees(false, Degree.MASTER), bsMs, phd, unstated)).containsExactly(bsMs);
        assertThat(passed(degrees(false, Degree.PHD, Degree.BACHELOR), bsMs, phd, unstated))
                .containsExactly(bsMs, phd);
    }

    @Test
    void categoriesPassTheListedKindsAndNotAPostingWhoseKindIsNotReadYet() throws QueryException {
        Posting ml = posting().title("ml").kind(Category.DATA_ML).build();
        Posting quant = posting().title("quant").kind(Category.QUANT).build();
        Posting software = posting().title("swe").kind(Category.SOFTWARE).build();
        Posting notRead = posting().title("old").kind(null).build();

        assertThat(passed(categories(Category.DATA_ML, Category.QUANT), ml, quant, software, notRead))
                .containsExactly(ml, quant);
        assertThat(passed(categories(), ml, quant, software, notRead)).containsExactly(ml, quant, software, notRead);
    }

    @Test
    void everyPartMustPass() throws QueryException {
        Posting fits = posting()
                .title("fits")
                .kind(Category.DATA_ML)
                .sponsorship(Sponsorship.OFFERED)
                .degrees(Degree.MASTER)
                .build();
        Posting wrongKind = posting()
                .title("kind")
                .kind(Category.QUANT)
                .sponsorship(Sponsorship.OFFERED)
                .degrees(Degree.MASTER)
                .build();
        Posting citizensOnly = posting()
                .title("citizens")
                .kind(Category.DATA_ML)
                .sponsorship(Sponsorship.CITIZENS)
                .degrees(Degree.MASTER)
                .build();
        Posting phdOnly = posting()
                .title("phd")
                .kind(Category.DATA_ML)
                .sponsorship(Sponsorship.OFFERED)
                .degrees(Degree.PHD)
                .build();
        FilterConfig all = facts(
                List.of(Sponsorship.OFFERED, Sponsorship.UNKNOWN),
                List.of(Degree.MASTER),
                true,
                List.of(Category.DATA_ML));

        assertThat(passed(all, fits, wrongKind, citizensOnly, phdOnly)).containsExactly(fits);
    }

    @Test
    void theIndexAnswersAFactFilterByTheValuesItAccepts() throws QueryException {
        SubscriptionIndex index = SubscriptionIndex.of(List.of(
                new Subscription("k", null, "console", Filter.of(categories(Category.QUANT))),
                new Subscription("s", null, "console", Filter.of(sponsorship(Sponsorship.OFFERED))),
                new Subscription("d", null, "console", Filter.of(degrees(false, Degree.PHD)))));

        assertThat(index.matching(posting().title("q").kind(Category.QUANT).build()))
                .extracting(Subscription::routeId)
                .containsExactly("k");
        assertThat(index.matching(posting()
                        .title("p")
                        .sponsorship(Sponsorship.OFFERED)
                        .degrees(Degree.PHD)
                        .build()))
                .extracting(Subscription::routeId)
                .containsExactly("s", "d");
    }

    @Test
    void describesTheFactsInWords() {
        FilterConfig filter = facts(
                List.of(Sponsorship.OFFERED, Sponsorship.UNKNOWN),
                List.of(Degree.BACHELOR, Degree.MASTER),
                true,
                List.of(Category.DATA_ML));

        assertThat(FilterDescription.describe(filter))
                .isEqualTo("sponsorship offered or unknown; for bachelor or master (or degree not stated);"
                        + " in data-ml roles");
    }

    @Test
    void theDuplicateKeyOfAFilterWithoutFactsIsWhatItWasBeforeFactsExisted() {
        FilterConfig old = new FilterConfig(
                "ml", List.of("Singapore"), List.of(), List.of(), List.of(), FilterConfig.RemoteMode.ANY, true);
        // the canonical form earlier versions hashed into subscriptions.filter_key
        String before = "{\"companies\":[],\"excludeCompanies\":[],\"includeUnknownYear\":true,\"keywords\":\"ml\","
                + "\"locations\":[\"singapore\"],\"remote\":\"ANY\",\"startYears\":[]}";

        assertThat(FilterCodec.key(old)).isEqualTo(Hashes.sha256(before.getBytes(StandardCharsets.UTF_8)));
        assertThat(FilterCodec.key(old.withFacts(List.of(Sponsorship.OFFERED), List.of(), true, List.of())))
                .isNotEqualTo(FilterCodec.key(old));
    }

    @Test
    void aFilterStoredBeforeFactsExistedReadsWithoutThem() {
        String stored = "{\"keywords\":\"ml\",\"locations\":[],\"startYears\":[],\"companies\":[],"
                + "\"excludeCompanies\":[],\"remote\":\"ANY\",\"includeUnknownYear\":true}";

        FilterConfig read = FilterCodec.fromJson(stored);

        assertThat(read.sponsorship()).isEmpty();
        assertThat(read.degrees()).isEmpty();
        assertThat(read.categories()).isEmpty();
        FilterConfig withFacts = FilterConfig.any()
                .withFacts(List.of(Sponsorship.OFFERED), List.of(Degree.PHD), false, List.of(Category.DATA_ML));
        assertThat(FilterCodec.fromJson(FilterCodec.toJson(withFacts))).isEqualTo(withFacts);
        assertThat(FilterCodec.toJson(withFacts)).contains("\"categories\":[\"data-ml\"]");
    }
}

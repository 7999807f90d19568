package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.SourceConfig;
import dev.tern.config.SourceConfig.Classify;
import dev.tern.config.Sponsorship;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class NormalizerTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private final Normalizer normalizer = new Normalizer(Clock.fixed(NOW, ZoneOffset.UTC), List.of());

    private static RawPosting.Builder raw(String title) {
        return RawPosting.builder("42", title).company("Acme").url("https://jobs.lever.co/acme/42/apply");
    }

    @Test
    void cleansTextAndBuildsTheKey() {
        Posting posting = normalizer.normalize(
                "acme-board",
                null,
                false,
                raw("  R&amp;D\u00a0Software   Intern ").company(" Acme\tCorp ").build());

        assertThat(posting.key()).isEqualTo("acme-board:42");
        assertThat(posting.sourceId()).isEqualTo("acme-board");
        assertThat(posting.externalId()).isEqualTo("42");
        assertThat(posting.title()).isEqualTo("R&D Software Intern");
        assertThat(posting.company()).isEqualTo("Acme Corp");
    }

    @Test
    void companyOverrideWinsAndMissingCompanyIsEmpty() {
        assertThat(normalizer
                        .normalize("s", "Stripe", false, raw("Intern").build())
                        .company())
                .isEqualTo("Stripe");
        assertThat(normalizer.normalize("s", " ", false, raw("Intern").build()).company())
                .isEqualTo("Acme");
        assertThat(normalizer
                        .normalize("s", null, false, raw("Intern").company(null).build())
                        .company())
                .isEmpty();
    }

    @Test
    void parsesAndDedupesLocations() {
        Posting posting = normalizer.normalize(
                "s",
                null,
                false,
                raw("Intern")
                        .locations(List.of("NYC; SF", "New York, NY", "SF"))
                        .build());

        assertThat(posting.locations()).extracting(Location::city).containsExactly("New York", "San Francisco");
        assertThat(posting.locations().getFirst().raw()).isEqualTo("NYC");
    }

    @Test
    void remoteComesFromTheSourceElseTheLocations() {
        assertThat(normalizer
                        .normalize(
                                "s",
                                null,
                                false,
                                raw("Intern")
                                        .remote(false)
                                        .locations(List.of("Remote"))
                                        .build())
                        .remote())
                .isFalse();
        assertThat(normalizer
                        .normalize(
                                "s",
                                null,
                                false,
                                raw("Intern")
                                        .locations(List.of("Seattle, WA", "Remote in USA"))
                                        .build())
                        .remote())
                .isTrue();
        assertThat(normalizer
                        .normalize(
                                "s",
                                null,
                                false,
                                raw("Intern").locations(List.of("Hybrid - NYC")).build())
                        .remote())
                .isFalse();
        assertThat(normalizer
                        .normalize(
                                "s",
                                null,
                                false,
                                raw("Intern").locations(List.of("Seattle, WA")).build())
                        .remote())
                .isNull();
    }

    @Test
    void readsTheTermFromTermsThenTitle() {
        assertThat(normalizer
                        .normalize(
                                "s",
                                null,
                                false,
                                raw("Intern").terms(List.of("Fall 2026")).build())
                        .term())
                .isEqualTo(new Term("Fall", 2026));
        assertThat(normalizer
                        .normalize("s", null, false, raw("Summer 2026 Intern").build())
                        .startYear())
                .isEqualTo(2026);
        assertThat(normalizer
                        .normalize("s", null, false, raw("Software Intern").build())
                        .term())
                .isNull();
    }

    @Test
    void classifiesInternshipsUnlessTheSourceIsCurated() {
        assertThat(normalizer
                        .normalize("s", null, false, raw("Software Intern").build())
                        .internship())
                .isTrue();
        assertThat(normalizer
                        .normalize(
                                "s", null, false, raw("Internal Tools Engineer").build())
                        .internship())
                .isFalse();
        assertThat(normalizer
                        .normalize(
                                "s",
                                null,
                                false,
                                raw("Engineer").employmentType("Intern").build())
                        .internship())
                .isTrue();
        assertThat(normalizer
                        .normalize("s", null, true, raw("New Grad Engineer").build())
                        .internship())
                .isTrue();
    }

    @Test
    void closesPostingsTheSourceClosedOrWhoseValidThroughHasPassed() {
        assertThat(normalizer.normalize("s", null, false, raw("Intern").build()).active())
                .isTrue();
        assertThat(normalizer
                        .normalize("s", null, false, raw("Intern").active(false).build())
                        .active())
                .isFalse();
        assertThat(normalizer
                        .normalize(
                                "s",
                                null,
                                false,
                                raw("Intern").validThrough(NOW.minusSeconds(1)).build())
                        .active())
                .isFalse();
        assertThat(normalizer
                        .normalize(
                                "s",
                                null,
                                false,
                                raw("Intern").validThrough(NOW.plusSeconds(1)).build())
                        .active())
                .isTrue();
    }

    @Test
    void fingerprintIsTheCanonicalUrlElseCompanyTitleAndPlace() {
        assertThat(normalizer.normalize("s", null, false, raw("Intern").build()).fingerprint())
                .isEqualTo("url:https://jobs.lever.co/acme/42");
        Posting withoutUrl = normalizer.normalize(
                "s",
                null,
                false,
                raw("Intern").url(null).locations(List.of("Seattle, WA")).build());
        assertThat(withoutUrl.url()).isEmpty();
        assertThat(withoutUrl.fingerprint()).isEqualTo("ctl:acme|intern|seattle, wa, us");
    }

    @Test
    void keepsCleanedCategoriesAndPostedAt() {
        Posting posting = normalizer.normalize(
                "s",
                null,
                false,
                raw("Intern")
                        .categories(List.of(" Engineering ", "", "Engineering", "ML"))
                        .postedAt(NOW)
                        .build());

        assertThat(posting.categories()).containsExactly("Engineering", "ML");
        assertThat(posting.postedAt()).isEqualTo(NOW);
    }

    @Test
    void readsTheFactsOfATikTokStyleTitle() {
        Posting posting = normalizer.normalize(
                "tiktok",
                null,
                false,
                raw("Machine Learning Engineer Intern (TikTok Shop Global E-Commerce, Search) - 2026 Start (BS/MS)")
                        .categories(List.of("R&D"))
                        .description("Please note: we are unable to sponsor visas for this role.")
                        .build());

        assertThat(posting.degrees()).containsExactly(Degree.BACHELOR, Degree.MASTER);
        assertThat(posting.category()).isEqualTo(Category.DATA_ML);
        assertThat(posting.startYear()).isEqualTo(2026);
        assertThat(posting.sponsorship()).isEqualTo(Sponsorship.NONE);
        assertThat(posting.description()).startsWith("Please note");
    }

    @Test
    void readsSimplifysFields() {
        Posting posting = normalizer.normalize(
                "simplify",
                null,
                true,
                raw("Software Intern")
                        .categories(List.of("Hardware"))
                        .sponsorship("U.S. Citizenship is Required")
                        .degrees(List.of("Bachelor's", "PhD"))
                        .build());

        assertThat(posting.sponsorship()).isEqualTo(Sponsorship.CITIZENS);
        assertThat(posting.degrees()).containsExactly(Degree.BACHELOR, Degree.PHD);
        assertThat(posting.category()).isEqualTo(Category.HARDWARE);
    }

    @Test
    void aSourcesTermFillsWhatThePostingLeavesUnknown() {
        SourceConfig cvrve = new SourceConfig(
                "cvrve",
                "json",
                Duration.ofMinutes(15),
                null,
                null,
                null,
                Classify.ALL,
                false,
                Map.of(),
                "Summer 2026");
        Normalizer withTerm = new Normalizer(Clock.fixed(NOW, ZoneOffset.UTC), List.of(cvrve));

        assertThat(withTerm.normalize("cvrve", null, true, raw("Data Intern").build())
                        .term())
                .isEqualTo(new Term("Summer", 2026));
        assertThat(withTerm.normalize(
                                "cvrve",
                                null,
                                true,
                                raw("Data Intern").terms(List.of("Fall")).build())
                        .term())
                .isEqualTo(new Term("Fall", 2026));
        assertThat(withTerm.normalize(
                                "cvrve", null, true, raw("Data Intern 2027").build())
                        .term())
                .isEqualTo(new Term("Summer", 2027));
        assertThat(withTerm.normalize(
                                "cvrve",
                                null,
                                true,
                                raw("Data Intern, Winter 2027").build())
                        .term())
                .isEqualTo(new Term("Winter", 2027));
        assertThat(withTerm.normalize("other", null, true, raw("Data Intern").build())
                        .term())
                .as("only the source's own postings")
                .isNull();
    }

    @Test
    void cutsADescriptionLongerThanTheLimit() {
        Posting posting = normalizer.normalize(
                "s",
                null,
                false,
                raw("Intern")
                        .description("x".repeat(Posting.DESCRIPTION_MAX + 10))
                        .build());

        assertThat(posting.description()).hasSize(Posting.DESCRIPTION_MAX);
    }
}

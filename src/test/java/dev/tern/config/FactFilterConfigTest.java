package dev.tern.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sponsorship, degrees and categories keys of a route filter, and a source's {@code term}, in YAML. */
final class FactFilterConfigTest {

    private final ConfigLoader loader = new ConfigLoader(TestSourceTypes.all(), KeywordCheck.acceptAll(), name -> null);

    @Test
    void readsTheFactKeysOfARouteFilter() throws ConfigException {
        TernConfig config = loader.parse("""
                routes:
                  - id: visa-ml
                    to: console
                    filter:
                      sponsorship: [offered, Unknown]
                      degrees: [master, phd]
                      includeUnknownDegree: false
                      categories: [data-ml, quant]
                """, "tern.yml");

        FilterConfig filter = config.routes().getFirst().filter();
        assertThat(filter.sponsorship()).containsExactly(Sponsorship.OFFERED, Sponsorship.UNKNOWN);
        assertThat(filter.degrees()).containsExactly(Degree.MASTER, Degree.PHD);
        assertThat(filter.includeUnknownDegree()).isFalse();
        assertThat(filter.categories()).containsExactly(Category.DATA_ML, Category.QUANT);
    }

    @Test
    void withoutThemAFilterAcceptsEverySponsorshipDegreeAndCategory() throws ConfigException {
        TernConfig config = loader.parse("routes:\n  - { id: r, to: console, filter: { keywords: ml } }\n", "t.yml");

        FilterConfig filter = config.routes().getFirst().filter();
        assertThat(filter.sponsorship()).isEmpty();
        assertThat(filter.degrees()).isEmpty();
        assertThat(filter.includeUnknownDegree()).isTrue();
        assertThat(filter.categories()).isEmpty();
    }

    @Test
    void badValuesNameTheirPathAndTheAllowedOnes() {
        String yaml = """
                routes:
                  - id: r
                    to: console
                    filter:
                      sponsorship: [offered, needs-visa]
                      degrees: [bs]
                      categories: [ml]
                      includeUnknownDegree: maybe
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "routes[0].filter.sponsorship[1]: 'needs-visa' is not one of: offered | none | citizens |"
                                + " unknown (line 5)",
                        "routes[0].filter.degrees[0]: 'bs' is not one of: bachelor | master | phd (line 6)",
                        "routes[0].filter.categories[0]: 'ml' is not one of: software | data-ml | quant | hardware |"
                                + " product | design | business | other (line 7)",
                        "routes[0].filter.includeUnknownDegree: must be true or false, not 'maybe' (line 8)");
    }

    @Test
    void aSingleValueWhereAListBelongsSaysHowToWriteIt() {
        assertThat(problems("routes:\n  - { id: r, to: console, filter: { categories: software } }\n"))
                .containsExactly(
                        "routes[0].filter.categories: must be a list such as [software, data-ml], not text (line 2)");
    }

    @Test
    void aSourceMayStateItsTerm() throws ConfigException {
        TernConfig config = loader.parse("""
                sources:
                  - { id: cvrve, type: simplify, url: "https://example.com/listings.json", term: "Summer 2026" }
                  - { id: plain, type: simplify, url: "https://example.com/other.json" }
                """, "tern.yml");

        assertThat(config.sources()).extracting(SourceConfig::term).containsExactly("Summer 2026", null);
    }

    @Test
    void aTermThatIsNoTermSaysHowToWriteOne() {
        String yaml = """
                sources:
                  - { id: a, type: simplify, url: "https://example.com/a.json", term: "next summer" }
                  - { id: b, type: simplify, url: "https://example.com/b.json", term: "2026" }
                  - { id: c, type: simplify, url: "https://example.com/c.json", term: "Fall" }
                """;

        assertThat(problems(yaml))
                .containsExactly("sources[0].term: 'next summer' is not a start term; write a season and a year such"
                        + " as 'Summer 2026', or only one of them ('2026', 'Summer') (line 2)");
    }

    private List<String> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "tern.yml"));
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e.problems().stream().map(ConfigProblem::format).toList();
    }
}

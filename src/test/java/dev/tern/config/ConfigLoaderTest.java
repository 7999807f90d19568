package dev.tern.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {

    private static final Path SHIPPED_EXAMPLE = Path.of("config", "tern.yml");

    private final ConfigLoader loader = new ConfigLoader(TestSourceTypes.all(), KeywordCheck.acceptAll(), name -> null);

    @Test
    void loadsTheShippedExample() throws ConfigException {
        TernConfig config = loader.load(SHIPPED_EXAMPLE);

        assertThat(config.storage().url()).isEqualTo(StorageConfig.DEFAULT_URL);
        assertThat(config.polling()).isEqualTo(PollingConfig.defaults());
        assertThat(config.sources())
                .extracting(SourceConfig::id)
                .containsExactly("simplify-summer", "stripe", "palantir");
        SourceConfig simplify = config.sources().getFirst();
        assertThat(simplify.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(simplify.requiredSetting("url")).endsWith("/.github/scripts/listings.json");
        assertThat(config.sources().get(1).settings()).isEqualTo(Map.of("board", "stripe"));
        assertThat(config.sources().get(1).company()).isEqualTo("Stripe");
        assertThat(config.sources().get(2).interval()).isEqualTo(PollingConfig.DEFAULT_INTERVAL);
        assertThat(config.routes()).extracting(RouteConfig::id).containsExactly("sg-ml", "us-software", "visa-ml");
        FilterConfig sgMl = config.routes().getFirst().filter();
        assertThat(sgMl.keywords()).isEqualTo("\"machine learning\" OR ml -senior");
        assertThat(sgMl.locations()).containsExactly("Singapore", "Remote");
        assertThat(sgMl.startYears()).containsExactly(2026);
        assertThat(config.routes().get(1).filter().remote()).isEqualTo(FilterConfig.RemoteMode.EXCLUDE);
        assertThat(config.discord().enabled()).isFalse();
        assertThat(config.discord().maxSubscriptionsPerUser()).isEqualTo(25);
        assertThat(config.discord().digest()).isEqualTo(10);
    }

    @Test
    void emptyFileGivesDefaultsAndNoSources() throws ConfigException {
        TernConfig config = loader.parse("# nothing yet\n", "tern.yml");

        assertThat(config.sources()).isEmpty();
        assertThat(config.routes()).isEmpty();
        assertThat(config.polling()).isEqualTo(PollingConfig.defaults());
        assertThat(config.storage()).isEqualTo(StorageConfig.defaults());
    }

    @Test
    void readsEveryPollingKeyAndOffTurnsMaxAgeOff() throws ConfigException {
        String yaml = """
                polling: { interval: 1h30m, timeout: PT10S, maxBodySize: 512KB, maxAge: off, closeAfterMissedPolls: 3,
                           confirmHeldPolls: 4, alertAfterFailures: 5 }
                """;

        PollingConfig polling = loader.parse(yaml, "tern.yml").polling();

        assertThat(polling)
                .isEqualTo(
                        new PollingConfig(Duration.ofMinutes(90), Duration.ofSeconds(10), 512 * 1024, null, 3, 4, 5));
    }

    @Test
    void sourceTakesEveryCommonKey() throws ConfigException {
        String yaml = """
                sources:
                  - id: gh-1
                    type: greenhouse
                    board: acme
                    cron: '0 0 8-20 ? * MON-FRI'
                    company: Acme
                    baseUrl: http://127.0.0.1:8080
                    classify: all
                    backfill: true
                """;

        SourceConfig source = loader.parse(yaml, "tern.yml").sources().getFirst();

        assertThat(source)
                .isEqualTo(new SourceConfig(
                        "gh-1",
                        "greenhouse",
                        PollingConfig.DEFAULT_INTERVAL,
                        "0 0 8-20 ? * MON-FRI",
                        "Acme",
                        "http://127.0.0.1:8080",
                        SourceConfig.Classify.ALL,
                        true,
                        Map.of("board", "acme")));
    }

    @Test
    void typeSpecificValuesArePlainJava() throws ConfigException {
        TestSourceTypes.Spec json = new TestSourceTypes.Spec(
                "json", java.util.Set.of("url"), java.util.Set.of("pages", "fields", "strict"));
        ConfigLoader withJson = new ConfigLoader(Map.of("json", json), KeywordCheck.acceptAll(), name -> null);
        String yaml = """
                sources:
                  - id: j
                    type: json
                    url: https://example.com/jobs.json
                    pages: 3
                    strict: false
                    fields: { title: [name, label], id: ref }
                """;

        Map<String, Object> settings =
                withJson.parse(yaml, "tern.yml").sources().getFirst().settings();

        assertThat(settings)
                .containsEntry("url", "https://example.com/jobs.json")
                .containsEntry("pages", 3)
                .containsEntry("strict", false)
                .containsEntry("fields", Map.of("title", List.of("name", "label"), "id", "ref"));
    }

    @Test
    void interpolatesVariablesAndDefaults() throws ConfigException {
        Map<String, String> env = Map.of("BOARD", "stripe", "DB_PASSWORD", "hunter22");
        ConfigLoader withEnv = new ConfigLoader(TestSourceTypes.all(), KeywordCheck.acceptAll(), env::get);
        String yaml = """
                storage: { url: '${DB_URL:-jdbc:h2:mem:x}', password: '${DB_PASSWORD}' }
                polling: { interval: '${POLL:-20m}' }
                sources:
                  - { id: s, type: greenhouse, board: '${BOARD}', company: 'costs $${PRICE}' }
                """;

        TernConfig config = withEnv.parse(yaml, "tern.yml");

        assertThat(config.storage().url()).isEqualTo("jdbc:h2:mem:x");
        assertThat(config.storage().password()).isEqualTo("hunter22");
        assertThat(config.polling().interval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.sources().getFirst().requiredSetting("board")).isEqualTo("stripe");
        assertThat(config.sources().getFirst().company()).isEqualTo("costs ${PRICE}");
    }

    @Test
    void routeWithoutFilterMatchesAnything() throws ConfigException {
        RouteConfig route = loader.parse("routes: [ { id: all, to: console } ]", "tern.yml")
                .routes()
                .getFirst();

        assertThat(route.filter()).isEqualTo(FilterConfig.any());
    }

    @Test
    void missingFileSaysHowToCreateOne(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yml");

        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file not found: " + missing
                        + " (create one from config/tern.yml in the repository, or pass -c FILE)");
    }

    @Test
    void directoryIsNotAConfigFile(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void loadNamesTheFileInTheException(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tern.yml"), "bogus: 1\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(e.fileName()).isEqualTo(file.toString());
        assertThat(e.problems())
                .containsExactly(new ConfigProblem(
                        "bogus",
                        1,
                        "unknown key 'bogus'; expected one of: storage, polling, sources, routes, discord, http"));
    }

    @Test
    void keywordCheckSeesTheQuery() throws ConfigException {
        List<String> seen = new java.util.ArrayList<>();
        ConfigLoader recording = new ConfigLoader(
                Map.of(),
                query -> {
                    seen.add(query);
                    return Optional.empty();
                },
                name -> null);

        recording.parse("routes: [ { id: r, to: console, filter: { keywords: 'ml OR ai' } } ]", "tern.yml");

        assertThat(seen).containsExactly("ml OR ai");
    }
}

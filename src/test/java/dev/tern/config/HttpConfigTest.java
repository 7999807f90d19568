package dev.tern.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class HttpConfigTest {

    private static final String PASSWORD = "correct-horse-battery";

    private final ConfigLoader loader = new ConfigLoader(
            TestSourceTypes.all(), KeywordCheck.acceptAll(), Map.of("TERN_HTTP_PASSWORD", PASSWORD)::get);

    @Test
    void missingSectionMeansNoServer() throws ConfigException {
        assertThat(loader.parse("routes: []\n", "tern.yml").http()).isEmpty();
    }

    @Test
    void readsEveryKeyAndNeverPrintsThePassword() throws ConfigException {
        String yaml = """
                http:
                  port: 9090
                  bind: 0.0.0.0
                  password: ${TERN_HTTP_PASSWORD}
                """;

        Optional<HttpConfig> http = loader.parse(yaml, "tern.yml").http();

        assertThat(http).contains(new HttpConfig(9090, "0.0.0.0", PASSWORD));
        assertThat(http.get().passwordProtected()).isTrue();
        assertThat(http.get().toString()).doesNotContain(PASSWORD).contains("password=***");
    }

    @Test
    void bindsToThisMachineOnlyAndAsksNoPasswordByDefault() throws ConfigException {
        HttpConfig http = loader.parse("http: { port: 8080, password: '${UNSET_PASSWORD:-}' }\n", "tern.yml")
                .http()
                .orElseThrow();

        assertThat(http.bind()).isEqualTo("127.0.0.1");
        assertThat(http.passwordProtected()).isFalse();
    }

    @Test
    void badValuesNamePathAndLine() {
        String yaml = """
                http:
                  port: 70000
                  bind: 'my laptop'
                  user: root
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "http.port: port 70000 is out of range 1..65535; 8080 is usual (line 2)",
                        "http.bind: 'my laptop' is not an address; use 127.0.0.1 (this machine only) or 0.0.0.0"
                                + " (every interface) (line 3)",
                        "http.user: unknown key 'user'; expected one of: port, bind, password (line 4)");
    }

    @Test
    void portIsRequired() {
        assertThat(problems("http:\n  bind: 127.0.0.1\n"))
                .containsExactly("http.port: required: the port of the status server, e.g. port: 8080 (or remove"
                        + " http) (line 2)");
    }

    @Test
    void shippedConfigTurnsTheServerOnForThisMachineOnly() throws Exception {
        TernConfig shipped = new ConfigLoader(TestSourceTypes.all(), KeywordCheck.acceptAll(), name -> null)
                .load(Path.of("config/tern.yml"));

        assertThat(shipped.http()).contains(new HttpConfig(8080, "127.0.0.1", ""));
    }

    private List<String> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "tern.yml"));
        return e.problems().stream().map(ConfigProblem::format).toList();
    }
}

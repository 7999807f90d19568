package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tern check-config} and usage errors through the real command line. */
final class CheckConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void acceptsTheShippedExampleAndSummarisesIt() {
        CliRun run = CliRun.of("check-config", "-c", "config/tern.yml");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("is valid").contains("sources (3):").contains("routes (3):");
    }

    @Test
    void warnsWhenAFileDatabaseCannotBeSharedWithARunningBot() throws Exception {
        CliRun warned = CliRun.of("check-config", "-c", write("""
                storage: { url: "jdbc:h2:file:./data/mine" }
                """).toString());
        CliRun quiet = CliRun.of("check-config", "-c", write("""
                storage: { url: "jdbc:h2:file:./data/mine;AUTO_SERVER=TRUE" }
                """).toString());

        assertThat(warned.exitCode()).as(warned.err()).isZero();
        assertThat(warned.out())
                .contains("storage: jdbc:h2:file:./data/mine")
                .contains("warning: storage.url is an H2 file without ;AUTO_SERVER=TRUE");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.out()).doesNotContain("warning");
        assertThat(CliRun.of("check-config", "-c", "config/tern.yml").out())
                .as("the shipped config shares its database")
                .doesNotContain("warning");
    }

    @Test
    void rejectsEachProblemWithItsPathAndLineAndExitCodeTwo() throws Exception {
        Path bad = write("""
                polling: { interval: 15m, colour: blue }
                sources:
                  - { id: a, type: greenhouse }
                  - { id: b, type: lever, site: x, interval: 5x }
                  - { id: c, type: workdayy, url: "https://x.example" }
                  - { id: a, type: simplify, url: "https://x.example/l.json" }
                routes:
                  - id: r
                    to: console
                    filter: { keywords: '(ml OR "machine learning"' }
                """);

        CliRun run = CliRun.of("check-config", "-c", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("polling.colour: unknown key 'colour'")
                .contains("sources[0].board: required for type greenhouse (line 3)")
                .contains("sources[1].interval: bad duration '5x'")
                .contains("sources[2].type: unknown type 'workdayy'")
                .contains("sources[3].id: duplicate id 'a'")
                .contains("routes[0].filter.keywords: bad keyword query: unclosed '(' at position 1");
    }

    @Test
    void neverPrintsPasswordsKeysOrBodies() throws Exception {
        Path config = write("""
                storage: { url: "jdbc:h2:mem:x;PASSWORD=hunter2", password: hunter3 }
                sources:
                  - id: api
                    type: json
                    url: "https://api.example/jobs?api_key=sk_live_abcdef"
                    method: POST
                    body: '{"secret":"s3cr3t"}'
                    fields: { id: /id, title: /title }
                """);

        CliRun run = CliRun.of("check-config", "-c", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err())
                .doesNotContain("hunter2")
                .doesNotContain("hunter3")
                .doesNotContain("sk_live_abcdef")
                .doesNotContain("s3cr3t")
                .contains("storage: jdbc:h2:mem:x");
    }

    @Test
    void webhookTargetsAreCheckedWithoutPrintingTheirSecretsAndHugeBodiesAreRefused() throws Exception {
        Path config = write("""
                polling: { maxBodySize: 3GB }
                routes:
                  - { id: a, to: "slack:T0001/B0001/abcdefgh1234" }
                  - { id: b, to: "https://discord.com/api/webhooks/1/tok3n" }
                """);

        CliRun run = CliRun.of("check-config", "-c", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("polling.maxBodySize: must be at most 1GB")
                .contains("routes[0].to: target 'slack:...' must be a Slack incoming webhook URL")
                .contains("routes[1].to: target 'https://discord.com/...' needs its kind before the URL")
                .doesNotContain("abcdefgh1234")
                .doesNotContain("tok3n");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(CliRun.of("poll", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("preview").exitCode()).isEqualTo(2);
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("tern.yml");
        Files.writeString(file, yaml);
        return file;
    }
}

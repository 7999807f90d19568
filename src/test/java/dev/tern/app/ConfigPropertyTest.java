package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.testing.HostileText;
import dev.tern.testing.Mutator;
import dev.tern.testing.PropertyRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern check-config} on 1,000 mutated copies of the shipped {@code config/tern.yml}, through the real
 * command line in process (as {@link CheckConfigCommandTest} runs it): each run exits 0 (the mutant is still a
 * valid config) or 2 with the file named and one problem per line, and nothing it or the log prints is a stack
 * trace. Mutations are YAML-aware (a value replaced by a hostile scalar, a line dropped, repeated or re-indented, a
 * key misspelt, an alias bomb) and byte-level (cut short, spans deleted or repeated, invalid UTF-8, ...). The
 * seed is fixed; {@code -Dtern.seed=N} runs another one. The output lists how many mutants of each kind ran.
 */
final class ConfigPropertyTest {

    private static final int MUTANTS = 1_000;
    private static final long SEED = 20_260_701L;
    private static final Path SHIPPED = Path.of("config/tern.yml");
    private static final List<String> YAML_VALUES = List.of(
            "",
            "~",
            "null",
            "-1",
            "0",
            "1e309",
            "99999999999999999999999",
            ".nan",
            "true",
            "[]",
            "{}",
            "[1, [2]]",
            "{a: b}",
            "\"\"",
            "'",
            "\"unclosed",
            "${UNSET_TERN_VARIABLE}",
            "${",
            "${X:-",
            "${:-x}",
            "!!binary AAAA",
            "!!java.lang.Runtime {}",
            "&anchor 1",
            "*nowhere",
            "99999d",
            "1h-5m",
            "PT-1S",
            "P9999999999D",
            "0s",
            "1s",
            "3GB",
            "-5MB",
            "1e3KB",
            "http://",
            "ftp://x.example/y",
            "discord:channel/",
            "discord:user/abc",
            "'0 0 * * * *'",
            "'99 99 99 ? * X'",
            "@everyone",
            "\"\\u0000\"",
            "\"🚀\"",
            "|\n  block",
            ">-",
            "-",
            "? complex",
            "x".repeat(5_000));

    @TempDir
    Path dir;

    @Test
    void everyMutantIsValidOrRefusedWithProblemLinesNeverAStackTrace() throws Exception {
        PropertyRun run = PropertyRun.start("check-config on mutated config/tern.yml", SEED);
        String shipped = Files.readString(SHIPPED);
        for (int i = 0; i < MUTANTS; i++) {
            Mutator.Mutant mutant = mutate(shipped, run.random());
            Path file = dir.resolve("mutant-" + i + ".yml");
            Files.write(file, mutant.bytes());

            Captured captured = Captured.of(() -> CliRun.of("check-config", "-c", file.toString()));

            String context = "mutant " + i + " (" + mutant.kinds() + ", " + run.seedNote() + "):\n" + mutant.text()
                    + "\n--- stderr:\n" + captured.run().err() + "\n--- log:\n" + captured.log();
            assertThat(captured.run().exitCode()).as(context).isIn(0, 2);
            assertNoStackTrace(captured.run().out() + captured.run().err() + captured.log(), context);
            if (captured.run().exitCode() == 2) {
                assertProblemLines(captured.run().err(), file, context);
            } else {
                assertThat(captured.run().out()).as(context).contains("is valid.");
            }
            for (String kind : mutant.kinds().split("\\+")) {
                run.count("mutation " + kind);
            }
            run.count(captured.run().exitCode() == 0 ? "result: exit 0, still valid" : "result: exit 2, problems");
        }
        assertThat(run.report()).contains("result: exit 2");
    }

    private static Mutator.Mutant mutate(String shipped, Random random) {
        if (random.nextInt(3) == 0) {
            return Mutator.mutate(shipped.getBytes(StandardCharsets.UTF_8), false, random);
        }
        List<String> lines = new ArrayList<>(List.of(shipped.split("\n", -1)));
        List<String> kinds = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            kinds.add(mutateLine(lines, random));
        }
        return new Mutator.Mutant(
                String.join("+", kinds.stream().sorted().toList()),
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** One YAML-aware change of a random content line; returns its kind. */
    private static String mutateLine(List<String> lines, Random random) {
        List<Integer> content = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).strip().startsWith("#")) {
                content.add(i);
            }
        }
        int at = HostileText.pick(content, random);
        String line = lines.get(at);
        int colon = line.indexOf(": ");
        String kind = HostileText.pick(
                List.of(
                        "yaml-value",
                        "yaml-value",
                        "yaml-value",
                        "yaml-drop-line",
                        "yaml-repeat-line",
                        "yaml-indent",
                        "yaml-misspell-key",
                        "yaml-alias-bomb",
                        "yaml-hostile-text"),
                random);
        switch (kind) {
            case "yaml-value" ->
                lines.set(
                        at,
                        (colon < 0 ? line + ":" : line.substring(0, colon + 1)) + " "
                                + HostileText.pick(YAML_VALUES, random));
            case "yaml-drop-line" -> lines.remove(at);
            case "yaml-repeat-line" -> lines.add(at, line);
            case "yaml-indent" -> lines.set(at, random.nextBoolean() ? "  " + line : line.stripLeading());
            case "yaml-misspell-key" ->
                lines.set(at, colon < 0 ? line + "x" : line.substring(0, colon) + "x" + line.substring(colon));
            case "yaml-alias-bomb" -> lines.add(0, "x-bomb: &a [" + "x, ".repeat(50) + "x]\nx-boom: [*a, *a, *a, *a]");
            case "yaml-hostile-text" ->
                lines.set(
                        at,
                        (colon < 0 ? line + ":" : line.substring(0, colon + 1)) + " \""
                                + HostileText.of(HostileText.anyKind(random), random)
                                        .replace("\\", "\\\\")
                                        .replace("\"", "\\\"")
                                + "\"");
            default -> throw new AssertionError(kind);
        }
        return kind;
    }

    private static void assertNoStackTrace(String printed, String context) {
        assertThat(printed)
                .as(context)
                .doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(")
                .doesNotContain("Exception:")
                .doesNotContain("Caused by");
    }

    private static void assertProblemLines(String err, Path file, String context) {
        List<String> lines = err.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as(context).hasSizeGreaterThan(1);
        assertThat(lines.getFirst()).as(context).isEqualTo("error: " + file + " is not valid:");
    }

    /** A CLI run with whatever the log wrote to the process's stderr and stdout meanwhile. */
    private record Captured(CliRun run, String log) {
        static Captured of(java.util.function.Supplier<CliRun> action) {
            PrintStream err = System.err;
            PrintStream out = System.out;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8);
            System.setErr(capture);
            System.setOut(capture);
            try {
                return new Captured(action.get(), log.toString(StandardCharsets.UTF_8));
            } finally {
                System.setErr(err);
                System.setOut(out);
            }
        }
    }
}

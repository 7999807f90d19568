package dev.tern.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.Tern;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the real command line in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Tern.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Every stdout line parsed as JSON (fails the test if one is not JSON). */
    List<JsonNode> jsonLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("stdout line is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    /** "type key" for each JSON line, e.g. "posting.new simplify:f". */
    List<String> events() {
        return jsonLines().stream()
                .map(n -> n.get("type").asText()
                        + (n.has("key") ? " " + n.get("key").asText() : ""))
                .toList();
    }
}

package dev.tern.app;

import dev.tern.config.ConfigException;
import dev.tern.config.SourceConfig;
import dev.tern.config.StorageConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.ConsoleNotifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tern demo}: shows the whole pipeline with no token, no internet and no files. Serves bundled boards on
 * 127.0.0.1, polls them into a throw-away database (seeding), changes the boards, polls again and prints the
 * alerts.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "See Tern work: bundled boards on 127.0.0.1, a throw-away database, two polls, real alerts.")
public final class DemoCommand implements Callable<Integer> {

    private static final String DEMO_CONFIG = "/demo/tern-demo.yml";

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per line, as 'tern poll --json' does.")
    private boolean json;

    @Override
    public Integer call() throws IOException, ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        try (DemoBoards boards = DemoBoards.start(clock)) {
            TernConfig config = ConfigOption.loader(Map.of("DEMO_BASE", boards.base())::get)
                    .parse(demoConfig(), "demo/tern-demo.yml");
            StorageConfig throwAway =
                    new StorageConfig("jdbc:h2:mem:tern-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
            EventPrinter printer = new EventPrinter(out, json, false);
            try (Services services = Services.open(config, throwAway, clock, List.of(new ConsoleNotifier(out, json)))) {
                say(out, "Tern demo: boards served at " + boards.base() + ", database in memory.");
                say(out, "");
                say(out, "1) First poll. Tern stores what it finds and alerts nothing (no flood on first contact):");
                pollAll(services, config, printer);
                boards.advance();
                say(out, "");
                say(out, "2) The boards change: new postings, one closed, one updated. Second poll:");
                pollAll(services, config, printer);
                say(out, "");
                say(out, "3) Alerts for the routes of the demo config (demo/tern-demo.yml in the jar):");
                int delivered = services.deliver();
                say(out, "");
                say(
                        out,
                        delivered
                                + " alert(s) delivered. Next: copy config/tern.yml, add your sources, run './tern run'.");
            }
        }
        return 0;
    }

    private void pollAll(Services services, TernConfig config, EventPrinter printer) {
        for (SourceConfig source : config.sources()) {
            printer.print(services.poller().poll(source, false));
        }
    }

    private void say(PrintWriter out, String line) {
        if (!json) {
            out.println(line);
        }
    }

    private static String demoConfig() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(DEMO_CONFIG)) {
            if (in == null) {
                throw new IOException("demo configuration missing from the jar: " + DEMO_CONFIG);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

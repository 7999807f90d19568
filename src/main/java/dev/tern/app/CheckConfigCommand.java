package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Durations;
import dev.tern.config.FilterConfig;
import dev.tern.config.RouteConfig;
import dev.tern.config.Sizes;
import dev.tern.config.SourceConfig;
import dev.tern.config.Sponsorship;
import dev.tern.config.Target;
import dev.tern.config.TernConfig;
import dev.tern.source.Urls;
import dev.tern.store.H2Urls;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tern check-config}: validates the file and prints what it configures. */
@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        description = "Validate the configuration and print a summary of sources, routes and targets.")
public final class CheckConfigCommand implements Callable<Integer> {

    private static final Pattern SECRET_KEY =
            Pattern.compile("token|password|secret|key(?!word)|body|header|auth|webhook", Pattern.CASE_INSENSITIVE);

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<TernConfig> loaded = config.load(spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        print(loaded.get(), out);
        out.flush();
        return 0;
    }

    private void print(TernConfig c, PrintWriter out) {
        out.printf("%s is valid.%n", config.file());
        out.printf("storage: %s%n", c.storage().displayUrl());
        if (H2Urls.lacksAutoServer(c.storage().url())) {
            out.println("warning: storage.url is an H2 file without ;AUTO_SERVER=TRUE: while 'tern run' has it open,"
                    + " 'tern sources', 'tern poll' and 'tern accept' cannot open it (\"Database may be already in"
                    + " use\"). Add ;AUTO_SERVER=TRUE to the URL, as the default does.");
        }
        out.printf(
                "polling: every %s, timeout %s, max body %s, max age %s%n",
                Durations.format(c.polling().interval()),
                Durations.format(c.polling().timeout()),
                Sizes.format(c.polling().maxBodySize()),
                c.polling().maxAge() == null
                        ? "off"
                        : Durations.format(c.polling().maxAge()));
        out.printf("sources (%d):%n", c.sources().size());
        for (SourceConfig s : c.sources()) {
            out.printf("  %-24s %-14s %s%s%n", s.id(), s.type(), schedule(s), details(s));
        }
        out.printf("routes (%d):%n", c.routes().size());
        for (RouteConfig r : c.routes()) {
            out.printf("  %-24s -> %-20s %s%n", r.id(), Target.displayOf(r.to()), describe(r.filter()));
        }
        TreeSet<String> targets = new TreeSet<>();
        c.routes().forEach(r -> targets.add(Target.displayOf(r.to())));
        out.printf("targets: %s%n", targets.isEmpty() ? "(none)" : String.join(", ", targets));
        out.println(c.http()
                .map(h -> "status server: http://" + h.bind() + ":" + h.port() + "/ ("
                        + (h.passwordProtected() ? "password set" : "no password") + ")")
                .orElse("status server: off (no http section)"));
    }

    private static String schedule(SourceConfig s) {
        return s.cron() != null ? "cron '" + s.cron() + "'" : "every " + Durations.format(s.interval());
    }

    private static String details(SourceConfig s) {
        List<String> parts = new ArrayList<>();
        s.settings().forEach((key, value) -> parts.add(key + "=" + shown(key, value)));
        if (s.company() != null) {
            parts.add("company=" + s.company());
        }
        if (s.baseUrl() != null) {
            parts.add("baseUrl=" + Urls.redact(s.baseUrl()));
        }
        if (s.classify() == SourceConfig.Classify.ALL) {
            parts.add("classify=all");
        }
        if (s.backfill()) {
            parts.add("backfill");
        }
        return parts.isEmpty() ? "" : "  " + String.join(" ", parts);
    }

    /** A setting as it may be printed: secrets masked, credentials and secret query values cut from URLs. */
    private static String shown(String key, Object value) {
        if (SECRET_KEY.matcher(key).find()) {
            return "***";
        }
        String text = String.valueOf(value);
        return text.startsWith("http://") || text.startsWith("https://") ? Urls.redact(text) : text;
    }

    private static String values(Stream<String> values) {
        return values.collect(Collectors.joining(", ", "[", "]"));
    }

    /** A filter in a few words, for summaries. */
    static String describe(FilterConfig f) {
        List<String> parts = new ArrayList<>();
        if (f.keywords() != null) {
            parts.add("keywords " + f.keywords());
        }
        if (!f.locations().isEmpty()) {
            parts.add("in " + String.join(" or ", f.locations()));
        }
        if (!f.startYears().isEmpty()) {
            parts.add("starting " + f.startYears() + (f.includeUnknownYear() ? " (or unknown)" : ""));
        }
        if (!f.companies().isEmpty()) {
            parts.add("at " + String.join(", ", f.companies()));
        }
        if (!f.excludeCompanies().isEmpty()) {
            parts.add("not at " + String.join(", ", f.excludeCompanies()));
        }
        if (f.remote() != FilterConfig.RemoteMode.ANY) {
            parts.add(f.remote() == FilterConfig.RemoteMode.ONLY ? "remote only" : "no remote");
        }
        if (!f.sponsorship().isEmpty()) {
            parts.add("sponsorship " + values(f.sponsorship().stream().map(Sponsorship::value)));
        }
        if (!f.degrees().isEmpty()) {
            parts.add("degrees " + values(f.degrees().stream().map(Degree::value))
                    + (f.includeUnknownDegree() ? " (or unknown)" : ""));
        }
        if (!f.categories().isEmpty()) {
            parts.add("categories " + values(f.categories().stream().map(Category::value)));
        }
        return parts.isEmpty() ? "(every posting)" : String.join("; ", parts);
    }
}

package dev.tern.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/** Reads the {@code sources} list: the keys every source takes, then the type's own keys and checks. */
final class SourcesReader {

    static final List<String> COMMON_KEYS =
            List.of("id", "type", "interval", "cron", "company", "baseUrl", "classify", "backfill", "term");
    private static final Date CRON_REFERENCE = Date.from(Instant.parse("2025-01-06T00:00:00Z"));
    private static final int CRON_FIRINGS_CHECKED = 50;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern TERM = Pattern.compile(
            "(?:(?:summer|fall|autumn|winter|spring)\\s+)?20\\d{2}|summer|fall|autumn|winter|spring",
            Pattern.CASE_INSENSITIVE);
    private static final String EXAMPLE = "- { id: stripe, type: greenhouse, board: stripe }";

    private final Map<String, SourceTypeSpec> types;
    private final Values values;
    private final Problems problems;
    private final Map<String, Integer> idLines = new HashMap<>();

    SourcesReader(Map<String, SourceTypeSpec> types, Values values) {
        this.types = types;
        this.values = values;
        this.problems = values.problems();
    }

    /** Every valid source, in file order; the invalid ones are reported and left out. */
    List<SourceConfig> read(Optional<Node> node, PollingConfig polling) {
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof Node.Sequence sequence)) {
            problems.add(
                    "sources",
                    node.get().line(),
                    "must be a list of sources such as " + EXAMPLE + ", not "
                            + node.get().kind());
            return List.of();
        }
        List<SourceConfig> sources = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            String path = "sources[" + i + "]";
            MapReader.of(sequence.items().get(i), path, values, "a mapping such as " + EXAMPLE)
                    .flatMap(reader -> source(reader, polling))
                    .ifPresent(sources::add);
        }
        return sources;
    }

    private Optional<SourceConfig> source(MapReader reader, PollingConfig polling) {
        int before = problems.count();
        Optional<String> id = id(reader);
        Optional<SourceTypeSpec> spec = type(reader);
        Duration interval = schedule(reader).orElse(polling.interval());
        Optional<String> cron = cron(reader);
        Optional<String> baseUrl = reader.text("baseUrl").filter(url -> validBaseUrl(reader, url));
        SourceConfig.Classify classify =
                reader.choice("classify", SourceConfig.Classify.class).orElse(SourceConfig.Classify.INTERNSHIPS);
        boolean backfill = reader.bool("backfill").orElse(false);
        Map<String, Object> settings = spec.map(s -> settings(reader, s)).orElse(Map.of());
        String company = reader.text("company").orElse(null);
        Optional<String> term = reader.text("term").map(String::strip).filter(text -> validTerm(reader, text));
        if (problems.count() != before || id.isEmpty() || spec.isEmpty()) {
            return Optional.empty();
        }
        SourceConfig source = new SourceConfig(
                id.get(),
                spec.get().type(),
                interval,
                cron.orElse(null),
                company,
                baseUrl.orElse(null),
                classify,
                backfill,
                settings,
                term.orElse(null));
        checkWithSpec(reader, spec.get(), source);
        return problems.count() == before ? Optional.of(source) : Optional.empty();
    }

    private Optional<String> id(MapReader reader) {
        Optional<String> id = reader.text("id");
        if (id.isEmpty() && reader.node("id").isEmpty()) {
            reader.problem("id", "required: a unique name such as 'stripe' (lower-case letters, digits and -)");
        }
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (!ID.matcher(id.get()).matches()) {
            reader.problem(
                    "id", "'" + id.get() + "' may hold only lower-case letters, digits and - (e.g. 'stripe-eu')");
            return Optional.empty();
        }
        Integer firstLine = idLines.putIfAbsent(id.get(), reader.line("id"));
        if (firstLine != null) {
            reader.problem(
                    "id", "duplicate id '" + id.get() + "' (first used at line " + firstLine + "); ids must be unique");
            return Optional.empty();
        }
        return id;
    }

    private Optional<SourceTypeSpec> type(MapReader reader) {
        Optional<String> type = reader.text("type");
        if (type.isEmpty()) {
            if (reader.node("type").isEmpty()) {
                reader.problem("type", "required; one of: " + knownTypes());
            }
            return Optional.empty();
        }
        SourceTypeSpec spec = types.get(type.get());
        if (spec == null) {
            reader.problem("type", "unknown type '" + type.get() + "'; expected one of: " + knownTypes());
        }
        return Optional.ofNullable(spec);
    }

    private Optional<Duration> schedule(MapReader reader) {
        return reader.parsed("interval", Durations::parse).filter(interval -> {
            if (interval.compareTo(ConfigLoader.MIN_INTERVAL) < 0) {
                reader.problem(
                        "interval",
                        "interval " + Durations.format(interval)
                                + " is too short: poll a source at most once a minute (1m or more), to be polite to it");
                return false;
            }
            return true;
        });
    }

    private static Optional<String> cron(MapReader reader) {
        Optional<String> cron = reader.text("cron").filter(expression -> validCron(reader, expression));
        if (reader.node("interval").isPresent() && cron.isPresent()) {
            reader.problem("cron", "set either interval or cron, not both");
        }
        return cron;
    }

    private static boolean validCron(MapReader reader, String expression) {
        try {
            CronExpression.validateExpression(expression);
            return politeEnough(reader, new CronExpression(expression));
        } catch (ParseException e) {
            reader.problem(
                    "cron",
                    "invalid cron expression '" + expression + "': " + e.getMessage()
                            + " (Quartz syntax: second minute hour day-of-month month day-of-week, e.g. '0 0/15 * * * ?')");
            return false;
        }
    }

    /** A cron schedule must fire, and never twice within a minute, for the same reason intervals are bounded. */
    private static boolean politeEnough(MapReader reader, CronExpression cron) {
        cron.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        Date previous = cron.getNextValidTimeAfter(CRON_REFERENCE);
        if (previous == null) {
            reader.problem("cron", "this cron expression never fires; check its fields");
            return false;
        }
        for (int i = 0; i < CRON_FIRINGS_CHECKED; i++) {
            Date next = cron.getNextValidTimeAfter(previous);
            if (next == null) {
                return true;
            }
            if (next.getTime() - previous.getTime() < ConfigLoader.MIN_INTERVAL.toMillis()) {
                reader.problem(
                        "cron",
                        "this cron expression fires more than once a minute; poll a source at most "
                                + "once a minute, to be polite to it");
                return false;
            }
            previous = next;
        }
        return true;
    }

    private static boolean validTerm(MapReader reader, String term) {
        if (TERM.matcher(term).matches()) {
            return true;
        }
        reader.problem(
                "term",
                "'" + term + "' is not a start term; write a season and a year such as 'Summer 2026', or only one"
                        + " of them ('2026', 'Summer')");
        return false;
    }

    private static boolean validBaseUrl(MapReader reader, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return true;
            }
        } catch (URISyntaxException e) {
            // reported below with an example
        }
        reader.problem("baseUrl", "'" + url + "' is not an http(s) URL; write one such as https://api.example.com");
        return false;
    }

    private Map<String, Object> settings(MapReader reader, SourceTypeSpec spec) {
        List<String> allowed = new ArrayList<>(new TreeSet<>(spec.requiredKeys()));
        allowed.addAll(new TreeSet<>(spec.optionalKeys()));
        allowed.addAll(COMMON_KEYS);
        reader.rejectUnknown(allowed, " for type " + spec.type());
        Map<String, Object> settings = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (String key : reader.keys()) {
            if (allowed.contains(key) && !COMMON_KEYS.contains(key)) {
                int before = problems.count();
                reader.node(key)
                        .map(node -> values.plain(node, reader.pathOf(key), key))
                        .filter(value -> !(value instanceof String text && text.isBlank()))
                        .ifPresent(value -> settings.put(key, value));
                if (problems.count() != before) {
                    unreadable.add(key);
                }
            }
        }
        for (String key : new TreeSet<>(spec.requiredKeys())) {
            if (settings.containsKey(key) || unreadable.contains(key)) {
                continue;
            }
            String empty = reader.keys().contains(key) ? "; it is empty" : "";
            reader.problem(key, "required for type " + spec.type() + empty);
        }
        return settings;
    }

    private void checkWithSpec(MapReader reader, SourceTypeSpec spec, SourceConfig source) {
        List<SourceTypeSpec.Problem> found;
        try {
            found = spec.check(source);
        } catch (RuntimeException e) {
            problems.add(
                    reader.pathOf("type"),
                    reader.line(),
                    "type " + spec.type() + " could not check this source: " + e.getMessage());
            return;
        }
        for (SourceTypeSpec.Problem problem : found) {
            problems.add(reader.pathOf(problem.key()), reader.lineOfDotted(problem.key()), problem.message());
        }
    }

    private String knownTypes() {
        return String.join(", ", new TreeSet<>(types.keySet()));
    }
}

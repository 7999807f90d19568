package dev.tern.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads {@code config/tern.yml} into a validated {@link TernConfig}: Jackson YAML with the line of every key,
 * {@code ${VAR}} and {@code ${VAR:-default}} from the environment, and every problem reported at once with its
 * YAML path and line.
 */
public final class ConfigLoader {

    /** The shortest polling interval accepted: sources are polled at most once a minute, to be polite to them. */
    /** The largest maxBodySize accepted: a body is read into memory. */
    public static final long MAX_BODY_SIZE = 1L << 30;

    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);

    /** Configuration files larger than this are refused; a real one is a few kilobytes. */
    static final long MAX_FILE_BYTES = 1024L * 1024;

    private static final List<String> TOP_KEYS = List.of("storage", "polling", "sources", "routes", "discord", "http");
    private static final List<String> STORAGE_KEYS = List.of("url", "user", "password");
    private static final List<String> POLLING_KEYS = List.of(
            "interval",
            "timeout",
            "maxBodySize",
            "maxAge",
            "closeAfterMissedPolls",
            "confirmHeldPolls",
            "alertAfterFailures");
    private static final String OFF = "off";

    private final Map<String, SourceTypeSpec> types;
    private final KeywordCheck keywordCheck;
    private final Function<String, String> env;

    /**
     * @param types the source types by their {@code type} value
     * @param keywordCheck checks route keyword queries
     * @param env the environment ({@code System::getenv} in production)
     */
    public ConfigLoader(Map<String, SourceTypeSpec> types, KeywordCheck keywordCheck, Function<String, String> env) {
        this.types = Map.copyOf(types);
        this.keywordCheck = keywordCheck;
        this.env = env;
    }

    /** Reads and validates a configuration file. */
    public TernConfig load(Path file) throws ConfigException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw single(name, "config path " + name + " is a directory; pass the YAML file itself with -c FILE");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw single(
                        name,
                        "config file " + name + " is larger than " + Sizes.format(MAX_FILE_BYTES)
                                + "; is it the right file?");
            }
            return parse(Files.readString(file), name);
        } catch (NoSuchFileException e) {
            throw single(
                    name,
                    "config file not found: " + name
                            + " (create one from config/tern.yml in the repository, or pass -c FILE)");
        } catch (CharacterCodingException e) {
            throw single(name, "config file " + name + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw single(name, "cannot read config file " + name + ": " + e.getMessage());
        }
    }

    /** Validates configuration text; {@code fileName} names it in the exception. */
    public TernConfig parse(String yaml, String fileName) throws ConfigException {
        Problems problems = new Problems();
        Values values = new Values(problems, new Interpolator(env));
        Optional<Node> root = new YamlTreeReader(problems).read(yaml);
        boolean unreadable = root.isEmpty() && problems.count() > 0;
        Node document = root.orElse(new Node.Scalar(null, 0));
        Optional<MapReader> top = unreadable
                ? Optional.empty()
                : MapReader.of(document, "", values, "a mapping with the keys " + String.join(", ", TOP_KEYS));
        TernConfig config = top.map(reader -> read(reader, values)).orElse(null);
        problems.throwIfAny(fileName);
        return config;
    }

    private TernConfig read(MapReader top, Values values) {
        top.rejectUnknown(TOP_KEYS, "");
        StorageConfig storage =
                section(top, "storage", values).map(ConfigLoader::storage).orElse(StorageConfig.defaults());
        PollingConfig polling =
                section(top, "polling", values).map(ConfigLoader::polling).orElse(PollingConfig.defaults());
        List<SourceConfig> sources = new SourcesReader(types, values).read(top.node("sources"), polling);
        DiscordConfig discord =
                section(top, "discord", values).map(DiscordReader::read).orElse(DiscordConfig.disabled());
        List<RouteConfig> routes = new RoutesReader(keywordCheck, values, discord.enabled()).read(top.node("routes"));
        Optional<HttpConfig> http = section(top, "http", values).map(HttpReader::read);
        return new TernConfig(storage, polling, sources, routes, discord, http);
    }

    private static Optional<MapReader> section(MapReader top, String key, Values values) {
        return top.node(key).flatMap(node -> MapReader.of(node, key, values, "a mapping of keys"));
    }

    private static StorageConfig storage(MapReader reader) {
        reader.rejectUnknown(STORAGE_KEYS, "");
        String url = reader.text("url").orElse(StorageConfig.DEFAULT_URL);
        if (!url.startsWith("jdbc:")) {
            reader.problem("url", "must be a JDBC URL such as " + StorageConfig.DEFAULT_URL);
        }
        return new StorageConfig(
                url, reader.text("user").orElse(""), reader.text("password").orElse(""));
    }

    private static PollingConfig polling(MapReader reader) {
        reader.rejectUnknown(POLLING_KEYS, "");
        Duration interval = reader.parsed("interval", Durations::parse)
                .filter(d -> atLeast(
                        reader,
                        "interval",
                        d,
                        MIN_INTERVAL,
                        "poll sources at most once a minute (1m or more), to be polite to them"))
                .orElse(PollingConfig.DEFAULT_INTERVAL);
        Duration timeout = reader.parsed("timeout", Durations::parse)
                .filter(d -> atLeast(reader, "timeout", d, MIN_TIMEOUT, "use 1s or more"))
                .orElse(PollingConfig.DEFAULT_TIMEOUT);
        long maxBodySize = reader.parsed("maxBodySize", Sizes::parse)
                .filter(size -> positive(reader, "maxBodySize", size))
                .filter(size -> atMost(reader, "maxBodySize", size, MAX_BODY_SIZE, "1GB"))
                .orElse(PollingConfig.DEFAULT_MAX_BODY_SIZE);
        Duration maxAge = maxAge(reader);
        int missed = reader.integer("closeAfterMissedPolls")
                .filter(n -> positive(reader, "closeAfterMissedPolls", n))
                .orElse(PollingConfig.DEFAULT_CLOSE_AFTER_MISSED_POLLS);
        int confirm = reader.integer("confirmHeldPolls")
                .filter(n -> positive(reader, "confirmHeldPolls", n))
                .orElse(PollingConfig.DEFAULT_CONFIRM_HELD_POLLS);
        int alertAfter = reader.integer("alertAfterFailures")
                .filter(n -> positive(reader, "alertAfterFailures", n))
                .orElse(PollingConfig.DEFAULT_ALERT_AFTER_FAILURES);
        return new PollingConfig(interval, timeout, maxBodySize, maxAge, missed, confirm, alertAfter);
    }

    /** {@code off} (or YAML false) turns the age limit off, which is a null maxAge. */
    private static Duration maxAge(MapReader reader) {
        Optional<String> text = reader.text("maxAge");
        if (text.isEmpty()) {
            return PollingConfig.DEFAULT_MAX_AGE;
        }
        if (text.get().equalsIgnoreCase(OFF) || text.get().equalsIgnoreCase("false")) {
            return null;
        }
        try {
            return Durations.parse(text.get());
        } catch (IllegalArgumentException e) {
            reader.problem("maxAge", e.getMessage() + ", or off");
            return PollingConfig.DEFAULT_MAX_AGE;
        }
    }

    private static boolean atLeast(MapReader reader, String key, Duration value, Duration min, String advice) {
        if (value.compareTo(min) >= 0) {
            return true;
        }
        reader.problem(key, key + " " + Durations.format(value) + " is too short: " + advice);
        return false;
    }

    private static boolean atMost(MapReader reader, String key, long value, long max, String maxText) {
        if (value <= max) {
            return true;
        }
        reader.problem(key, "must be at most " + maxText + " (a response is held in memory while it is read)");
        return false;
    }

    private static boolean positive(MapReader reader, String key, long value) {
        if (value > 0) {
            return true;
        }
        reader.problem(key, "must be more than 0");
        return false;
    }

    private static ConfigException single(String name, String message) {
        return new ConfigException(name, List.of(new ConfigProblem("", 0, message)));
    }
}

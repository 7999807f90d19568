package dev.tern.app;

import dev.tern.config.ConfigException;
import dev.tern.config.ConfigLoader;
import dev.tern.config.SourceConfig;
import dev.tern.config.TernConfig;
import dev.tern.match.Query;
import dev.tern.source.SourceRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The {@code -c FILE} option every command shares, and loading the file it names. */
public final class ConfigOption {

    public static final String DEFAULT_FILE = "config/tern.yml";

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = DEFAULT_FILE,
            description = "Configuration file (default: ${DEFAULT-VALUE}).")
    private Path file;

    public Path file() {
        return file;
    }

    /** Loads the file; on problems prints them all to {@code err} and returns empty. */
    public Optional<TernConfig> load(PrintWriter err) {
        try {
            return Optional.of(loader(System::getenv).load(file));
        } catch (ConfigException e) {
            err.println("error: " + file + " is not valid:");
            err.println(e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /** The source {@code id} of {@code config}; when there is none, says so on {@code err} and returns empty. */
    public Optional<SourceConfig> source(TernConfig config, String id, PrintWriter err) {
        Optional<SourceConfig> source =
                config.sources().stream().filter(s -> s.id().equals(id)).findFirst();
        if (source.isEmpty()) {
            err.printf(
                    "error: no source '%s' in %s; configured: %s%n",
                    id, file, config.sources().stream().map(SourceConfig::id).toList());
            err.flush();
        }
        return source;
    }

    /** A loader that knows every source type and the keyword query language. */
    public static ConfigLoader loader(Function<String, String> env) {
        return new ConfigLoader(SourceRegistry.standard().specs(), Query::problem, env);
    }
}

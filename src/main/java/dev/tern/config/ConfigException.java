package dev.tern.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration file that cannot be used; carries every problem found, so they can all be fixed in one go. */
public final class ConfigException extends Exception {

    private final String fileName;
    private final List<ConfigProblem> problems;

    public ConfigException(String fileName, List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::format).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.fileName = fileName;
        this.problems = List.copyOf(problems);
    }

    /** The file (or name) the problems are in, as given to the loader. */
    public String fileName() {
        return fileName;
    }

    /** Every problem found, in file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}

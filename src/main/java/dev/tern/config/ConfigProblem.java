package dev.tern.config;

/**
 * One thing wrong with a configuration file: where it is (YAML path and line) and what to write instead.
 *
 * @param path the YAML path, e.g. {@code sources[1].board}; empty for the file as a whole
 * @param line the 1-based line in the file, or 0 when unknown
 * @param message what is wrong and what to do about it; never contains a secret
 */
public record ConfigProblem(String path, int line, String message) {

    /** The problem as one line: {@code sources[1].board: required for type greenhouse (line 7)}. */
    public String format() {
        String where = path.isEmpty() ? "" : path + ": ";
        String at = line > 0 ? " (line " + line + ")" : "";
        return where + message + at;
    }

    @Override
    public String toString() {
        return format();
    }
}

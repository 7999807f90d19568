package dev.tern.config;

/**
 * The {@code storage} section.
 *
 * @param url JDBC URL, {@code jdbc:h2:file:./data/tern} by default
 * @param user database user (empty for H2's default)
 * @param password database password (from the environment; never logged)
 */
public record StorageConfig(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/tern";

    /** The defaults: an H2 file under {@code ./data}. */
    public static StorageConfig defaults() {
        return new StorageConfig(DEFAULT_URL, "", "");
    }

    @Override
    public String toString() {
        return "StorageConfig[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}

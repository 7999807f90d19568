package dev.tern.config;

/**
 * The {@code storage} section.
 *
 * @param url JDBC URL, {@code jdbc:h2:file:./data/tern;AUTO_SERVER=TRUE} by default (H2's automatic mixed mode: the
 *     first Tern process to open the file serves it to the others, so commands run beside {@code tern run})
 * @param user database user (empty for H2's default)
 * @param password database password (from the environment; never logged)
 */
public record StorageConfig(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/tern;AUTO_SERVER=TRUE";

    /** The defaults: an H2 file under {@code ./data} that several Tern processes can use at once. */
    public static StorageConfig defaults() {
        return new StorageConfig(DEFAULT_URL, "", "");
    }

    /**
     * The URL safe to print or log: without its settings or query ({@code ;PASSWORD=...}, {@code ?password=...})
     * and without credentials before a host ({@code //user:secret@host}).
     */
    public String displayUrl() {
        int end = url.length();
        for (char separator : new char[] {';', '?'}) {
            int at = url.indexOf(separator);
            end = at < 0 ? end : Math.min(end, at);
        }
        return url.substring(0, end).replaceFirst("//[^/@]*@", "//");
    }

    @Override
    public String toString() {
        return "StorageConfig[url=" + displayUrl() + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + "]";
    }
}

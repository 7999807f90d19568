package dev.tern.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** URL handling for H2: compatibility settings, sharing a file database, and the folder of a file database. */
public final class H2Urls {

    /**
     * Appended to H2 URLs that do not choose a mode: PostgreSQL syntax (so the migrations also run on
     * PostgreSQL), lower-case identifiers as PostgreSQL folds them, and NULLs sorted last as PostgreSQL does.
     */
    static final String COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /**
     * Appended to H2 file URLs that do not set it: write each commit to the file at once. H2's default keeps
     * commits in memory for up to a second, so a process killed (SIGKILL, OOM killer, power) right after a commit
     * loses it: an outbox message recorded before sending would vanish while Discord has it.
     */
    static final String DURABLE = ";WRITE_DELAY=0";

    /**
     * Put before the path of H2 file databases: H2's file system that reopens the file when an interrupt closed it.
     * With {@link #DURABLE} the committing thread writes the file itself, and a thread interrupted during a commit
     * (a poll stopped at shutdown) would otherwise close the whole database.
     */
    static final String RETRY_ON_INTERRUPT = "retry:";

    private static final String PREFIX = "jdbc:h2:";
    private static final String[] NOT_FILES = {"mem:", "tcp:", "ssl:", "zip:"};

    private H2Urls() {}

    static String withDefaults(String url) {
        if (!isH2(url)) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        String compatible = upper.contains(";MODE=") ? url : url + COMPATIBILITY;
        if (filePath(url) == null) {
            return compatible;
        }
        String rest = compatible.substring(PREFIX.length());
        String retrying = rest.startsWith(RETRY_ON_INTERRUPT) ? compatible : PREFIX + RETRY_ON_INTERRUPT + rest;
        return upper.contains(";WRITE_DELAY=") ? retrying : retrying + DURABLE;
    }

    static void createParentFolder(String url) {
        Path file = filePath(url);
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("creating database folder " + parent + " failed: " + e.getMessage(), e);
        }
    }

    /** The file path of an H2 file database URL, or null for in-memory and server URLs and other databases. */
    static Path filePath(String url) {
        if (!isH2(url)) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        rest = rest.startsWith(RETRY_ON_INTERRUPT) ? rest.substring(RETRY_ON_INTERRUPT.length()) : rest;
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        for (String scheme : NOT_FILES) {
            if (name.startsWith(scheme)) {
                return null;
            }
        }
        name = name.startsWith("file:") ? name.substring("file:".length()) : name;
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? null : Path.of(name);
    }

    /** The URL up to its settings or query, either of which may carry a password: safe to log. */
    static String withoutSecrets(String url) {
        int end = url.length();
        for (char separator : new char[] {';', '?'}) {
            int at = url.indexOf(separator);
            end = at < 0 ? end : Math.min(end, at);
        }
        return url.substring(0, end);
    }

    /**
     * Whether {@code url} is an H2 file database that only one process can open: it lacks H2's automatic mixed mode
     * ({@code ;AUTO_SERVER=TRUE}), with which the first process serves the file to the others.
     */
    public static boolean lacksAutoServer(String url) {
        return filePath(url) != null && !url.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE");
    }

    private static boolean isH2(String url) {
        return url != null && url.startsWith(PREFIX);
    }
}

package dev.tern.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started once per JVM from zonky's bundled binaries in a temporary folder and
 * stopped when the JVM exits. PostgreSQL refuses to run as root, so when the tests run as root (as CI does) the
 * server runs as the unprivileged user {@code nobody}, through {@code setpriv}, in folders handed to that user.
 *
 * <p>Connections use password authentication: each test gets a fresh database owned by the ordinary role
 * {@link #USER}, as the README's setup creates it for Tern.
 */
public final class TestPostgres {

    /** The role that owns each test database, as Tern's own user does in production. */
    public static final String USER = "tern";
    /** Its password (the server is reachable on 127.0.0.1 only and lives as long as the JVM). */
    public static final String PASSWORD = "tern-test-secret";

    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD = "postgres-test-secret";
    private static final int UNPRIVILEGED_ID = 65534; // nobody / nogroup
    private static final long START_SECONDS = 120;
    private static final int SCRAM_ITERATIONS = 16;

    private final Path home;
    private final Path data;
    private final int port;
    private Connection superuser;

    private TestPostgres(Path home, int port) {
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
    }

    /** The server of this JVM, started on first use. */
    public static TestPostgres server() {
        return Holder.SERVER;
    }

    /** Creates a new, empty database owned by {@link #USER} and returns its JDBC URL (without credentials). */
    public String newDatabase() {
        return newDatabase("template0");
    }

    /**
     * Creates a new database owned by {@link #USER} as a copy of {@code template} (a database nobody is connected
     * to) and returns its JDBC URL.
     */
    public String newDatabase(String template) {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        // FILE_COPY: copying the folder is quicker than WAL-logging each page for a cluster without fsync
        superuserSql("CREATE DATABASE " + name + " OWNER " + USER + " TEMPLATE " + template + " STRATEGY FILE_COPY");
        return url(name);
    }

    /** The database name of a URL made by this server. */
    public static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The JDBC URL of a database on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs statements as the superuser, in the {@code postgres} database, on one connection kept open. */
    public synchronized void superuserSql(String... statements) {
        try {
            if (superuser == null || superuser.isClosed()) {
                superuser = DriverManager.getConnection(url("postgres"), SUPERUSER, SUPERUSER_PASSWORD);
            }
            try (Statement statement = superuser.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static final class Holder {
        private static final TestPostgres SERVER = start();
    }

    private static TestPostgres start() {
        try {
            Path home = Files.createTempDirectory("tern-pg-");
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            TestPostgres server = new TestPostgres(home, freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
            server.initAndStart();
            server.superuserSql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("starting the test PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    private void initAndStart() throws IOException {
        PostgresBinaries.unpack(home.resolve("pg"));
        Files.createDirectories(data);
        Path passwordFile = home.resolve("superuser-password");
        Files.writeString(passwordFile, SUPERUSER_PASSWORD, StandardCharsets.UTF_8);
        handToServerUser(data);
        handToServerUser(passwordFile);
        run(List.of(
                bin("initdb"),
                "--pgdata=" + data,
                "--username=" + SUPERUSER,
                "--pwfile=" + passwordFile,
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
                "--no-instructions"));
        // fsync and friends off: the cluster is thrown away with the JVM. Few SCRAM iterations: passwords are still
        // checked, without spending most of a test's time hashing them for each pooled connection.
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
                + " -c scram_iterations=" + SCRAM_ITERATIONS;
        run(List.of(
                bin("pg_ctl"),
                "start",
                "--pgdata=" + data,
                "--log=" + data.resolve("server.log"),
                "--wait",
                "--timeout=" + START_SECONDS,
                "-o",
                options));
    }

    private void stop() {
        try {
            run(List.of(bin("pg_ctl"), "stop", "--pgdata=" + data, "--mode=immediate", "--wait"));
        } catch (RuntimeException | IOException e) {
            System.err.println("stopping the test PostgreSQL failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("removing " + home + " failed: " + e.getMessage());
        }
    }

    private String bin(String program) {
        return home.resolve("pg/bin").resolve(program).toString();
    }

    /** Runs a PostgreSQL program to its end, as the unprivileged user when this JVM is root. */
    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of(
                    "setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile(home, "command-", ".log");
        Process process = new ProcessBuilder(full)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(START_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("test PostgreSQL: " + String.join(" ", command) + " failed:\n"
                        + Files.readString(output) + serverLog());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    private String serverLog() throws IOException {
        Path log = data.resolve("server.log");
        return Files.isReadable(log) ? "\nserver log:\n" + Files.readString(log) : "";
    }

    private void handToServerUser(Path path) throws IOException {
        if (isRoot()) {
            Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID);
            Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID);
        }
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

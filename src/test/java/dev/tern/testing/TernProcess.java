package dev.tern.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tern's command line as a real child process on the test class path: stdout lines to wait for, stderr kept,
 * SIGTERM to stop it, SIGKILL to crash it.
 */
public final class TernProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final StringBuilder err = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;

    private TernProcess(Process process) {
        this.process = process;
        this.outReader = Thread.ofPlatform().daemon().start(() -> read(process.getInputStream(), out::add));
        this.errReader = Thread.ofPlatform()
                .daemon()
                .start(() -> read(process.getErrorStream(), line -> {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                }));
    }

    /** Starts {@code tern <args>}. */
    public static TernProcess start(String... args) throws IOException {
        return start(Map.of(), List.of(), args);
    }

    /** Starts {@code tern <args>} with these environment variables added. */
    public static TernProcess start(Map<String, String> env, String... args) throws IOException {
        return start(env, List.of(), args);
    }

    /** Starts {@code tern <args>} in a JVM with these options besides the quick-start ones. */
    public static TernProcess start(List<String> jvmOptions, String... args) throws IOException {
        return start(Map.of(), jvmOptions, args);
    }

    /** Starts {@code tern <args>} with these environment variables and JVM options added. */
    public static TernProcess start(Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                // short-lived test processes: quick start matters more than peak speed
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.tern.Tern"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return new TernProcess(builder.start());
    }

    /**
     * Runs {@code tern <args>} to its end (at most a minute) and returns its stdout lines; fails the test if it does
     * not end or exits with another code than {@code expectedExit}.
     */
    public static List<String> run(int expectedExit, String... args) throws IOException, InterruptedException {
        return run(Map.of(), expectedExit, args);
    }

    /** As {@link #run(int, String...)}, with these environment variables added. */
    public static List<String> run(Map<String, String> env, int expectedExit, String... args)
            throws IOException, InterruptedException {
        try (TernProcess tern = start(env, args)) {
            if (!tern.awaitExit(Duration.ofMinutes(1))) {
                throw new AssertionError("tern " + String.join(" ", args) + " did not end; stderr:\n" + tern.err());
            }
            if (tern.exitCode() != expectedExit) {
                throw new AssertionError("tern " + String.join(" ", args) + " exited " + tern.exitCode() + ", not "
                        + expectedExit + "; stderr:\n" + tern.err());
            }
            tern.outReader.join(Duration.ofSeconds(5));
            List<String> lines = new ArrayList<>();
            tern.out.drainTo(lines);
            return lines;
        }
    }

    /** The first stdout line containing {@code text}, waiting up to {@code timeout}. */
    public String awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = out.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no stdout line with '" + text + "' within " + timeout + "; stderr:\n" + err());
    }

    /** Sends SIGTERM (through the handle: Process.destroy() would also close our ends of its pipes). */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL, as a crash or the OOM killer would, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The stdout lines that {@link #awaitLine} has not taken, once the process has ended. */
    public List<String> remainingLines() throws InterruptedException {
        outReader.join(Duration.ofSeconds(5));
        List<String> lines = new ArrayList<>();
        out.drainTo(lines);
        return lines;
    }

    /** Waits for the exit; true if it exited within the timeout. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (exited) {
            errReader.join(Duration.ofSeconds(5));
        }
        return exited;
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** Everything written to stderr so far. */
    public String err() {
        synchronized (err) {
            return err.toString();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void read(InputStream in, java.util.function.Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().forEach(sink);
        } catch (IOException ignored) {
            // the process ended
        }
    }
}

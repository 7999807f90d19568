package dev.tern.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real Chromium, headless, driven through its own command line: the DOM after the page loaded and ran
 * whatever it runs ({@code --dump-dom}), a screenshot, and Chromium's own network log. Each run has a fresh
 * profile. {@code .ci/run} installs the package when it is missing.
 */
public final class Chromium {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars");

    private final String binary;
    private final Path work;

    private Chromium(String binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** The installed Chromium; fails with what to install when there is none. */
    public static Chromium find(Path work) {
        Optional<String> binary =
                List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
                        .filter(path -> Files.isExecutable(Path.of(path)))
                        .findFirst();
        if (binary.isEmpty()) {
            throw new AssertionError("no Chromium found: install it (apt-get install chromium) or run bash .ci/run,"
                    + " which installs it");
        }
        return new Chromium(binary.get(), work);
    }

    /** The page's DOM once loaded, as Chromium serialises it. */
    public String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** The DOM, with Chromium's network log (every request and response header it saw) written to {@code netLog}. */
    public String dumpDom(String url, Path netLog) throws IOException, InterruptedException {
        return run(List.of("--log-net-log=" + netLog, "--dump-dom", url));
    }

    /** A PNG of the page at this window size. */
    public void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), url));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("Chromium wrote no screenshot to " + png);
        }
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(args);
        Path stdout = Files.createTempFile(work, "chromium", ".out");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT + ": " + command);
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}

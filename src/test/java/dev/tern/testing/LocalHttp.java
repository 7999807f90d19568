package dev.tern.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** GETs against Tern's status server on 127.0.0.1, and a free port to give it. */
public final class LocalHttp {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalHttp() {}

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** GET {@code url}; null when nothing answers. */
    public static HttpResponse<String> get(String url, String user, String password) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (user != null) {
            String credentials = user + ":" + password;
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    public static HttpResponse<String> get(String url) throws InterruptedException {
        return get(url, null, null);
    }

    /** GETs {@code url} every 200 ms until {@code done} holds for the answer; fails after {@code timeout}. */
    public static HttpResponse<String> await(String url, Predicate<HttpResponse<String>> done, Duration timeout)
            throws InterruptedException {
        return await(url, null, null, done, timeout);
    }

    /** As {@link #await(String, Predicate, Duration)}, with HTTP Basic credentials. */
    public static HttpResponse<String> await(
            String url, String user, String password, Predicate<HttpResponse<String>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(url, user, password);
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("GET " + url + " did not answer as expected within " + timeout + "; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }
}

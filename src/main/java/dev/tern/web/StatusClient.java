package dev.tern.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tern.config.HttpConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the summary from a running Tern's status server, for {@code tern status} while {@code tern run} holds the
 * embedded database (H2 lets one process open a file database).
 */
public final class StatusClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StatusClient() {}

    /**
     * The running Tern's summary; empty when nothing listens at the configured address.
     *
     * @throws IOException when something answers but not with a summary (wrong password, another program)
     */
    public static Optional<StatusSummary> fetch(HttpConfig http) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address(http).resolve(WebServer.STATUS_JSON))
                .timeout(TIMEOUT)
                .GET();
        if (http.passwordProtected()) {
            String credentials = HttpConfig.USER + ":" + http.password();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("the status server at " + address(http) + " answered HTTP "
                        + response.statusCode() + (response.statusCode() == 401 ? " (check http.password)" : ""));
            }
            return Optional.of(JSON.readValue(response.body(), StatusSummary.class));
        } catch (ConnectException e) {
            return Optional.empty();
        }
    }

    /** Where this machine reaches the server: a wildcard bind address is reached through the loopback. */
    static URI address(HttpConfig http) {
        String host =
                switch (http.bind()) {
                    case "0.0.0.0" -> "127.0.0.1";
                    case "::", "[::]" -> "[::1]";
                    default ->
                        http.bind().contains(":") && !http.bind().startsWith("[")
                                ? "[" + http.bind() + "]"
                                : http.bind();
                };
        return URI.create("http://" + host + ":" + http.port() + "/");
    }
}

package dev.tern.source;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class HttpTest {

    private static final String USER_AGENT = Http.userAgent("9.9.9");
    private static final long MAX_BODY = 32L * 1024 * 1024;
    private static final Duration BACKOFF = Duration.ofMillis(5);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private TestServer server;
    private Http http;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = newHttp(Duration.ofSeconds(5), MAX_BODY);
    }

    private void replaceHttp(Duration timeout, long maxBody) {
        http.close();
        http = newHttp(timeout, maxBody);
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    private Http newHttp(Duration timeout, long maxBody) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new Http(timeout, maxBody, USER_AGENT, new RetryPolicy(BACKOFF, Duration.ofSeconds(60), sleeper, clock));
    }

    @Test
    void sendsUserAgentAndAcceptEncodingAndGunzipsTheBody() throws Exception {
        byte[] plain = "[{\"id\":\"1\"}]".getBytes(StandardCharsets.UTF_8);
        server.handle("/gz", ex -> respond(ex, 200, TestServer.gzip(plain), "Content-Encoding", "gzip"));

        Http.Response response = http.get(server.uri("/gz"), CacheTags.NONE);

        assertThat(response.body()).isEqualTo(plain);
        assertThat(response.status()).isEqualTo(200);
        TestServer.Recorded request = server.requests().get(0);
        assertThat(request.header("User-Agent")).isEqualTo("Tern/9.9.9 (+https://github.com/tern-bot/tern)");
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void sendsTheEtagBackAndTurnsA304IntoNotModified() throws Exception {
        server.handle("/etag", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, new byte[0], "ETag", "\"v1\"");
            } else {
                respond(ex, 200, "[]", "ETag", "\"v1\"");
            }
        });

        Http.Response first = http.get(server.uri("/etag"), CacheTags.NONE);
        Http.Response second = http.get(server.uri("/etag"), first.tags());

        assertThat(first.notModified()).isFalse();
        assertThat(first.tags().etag()).isEqualTo("\"v1\"");
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
        assertThat(server.requests().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void sendsLastModifiedBackAsIfModifiedSince() throws Exception {
        String stamp = "Sun, 01 Mar 2026 10:00:00 GMT";
        server.handle("/lm", ex -> {
            boolean same = stamp.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"));
            respond(ex, same ? 304 : 200, same ? "" : "[]", "Last-Modified", stamp);
        });

        Http.Response first = http.get(server.uri("/lm"), CacheTags.NONE);
        Http.Response second = http.get(server.uri("/lm"), first.tags());

        assertThat(first.tags().lastModified()).isEqualTo(stamp);
        assertThat(second.notModified()).isTrue();
        assertThat(second.tags().lastModified()).isEqualTo(stamp);
    }

    @Test
    void notFoundIsAnHttpStatusExceptionNamingTheUrlAndIsNotRetried() {
        server.handle("/missing", ex -> respond(ex, 404, "nope"));

        assertThatThrownBy(() -> http.get(server.uri("/missing"), CacheTags.NONE))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.url()).isEqualTo(server.uri("/missing").toString());
                })
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(server.uri("/missing").toString());
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void retriesAServerErrorOnceAfterTheBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/flaky", ex -> respond(ex, calls.incrementAndGet() == 1 ? 500 : 200, "ok"));

        Http.Response response = http.get(server.uri("/flaky"), CacheTags.NONE);

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(BACKOFF);
    }

    @Test
    void failsAfterTwoServerErrors() {
        server.handle("/down", ex -> respond(ex, 503, "down"));

        assertThatThrownBy(() -> http.get(server.uri("/down"), CacheTags.NONE))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void waitsForRetryAfterSecondsOn429ThenRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/limited", ex -> {
            if (calls.incrementAndGet() == 1) {
                respond(ex, 429, "slow down", "Retry-After", "1");
            } else {
                respond(ex, 200, "ok");
            }
        });

        Http.Response response = http.get(server.uri("/limited"), CacheTags.NONE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/limited", ex -> {
            if (calls.incrementAndGet() == 1) {
                respond(ex, 429, "", "Retry-After", "Sun, 01 Mar 2026 12:00:20 GMT");
            } else {
                respond(ex, 200, "ok");
            }
        });

        http.get(server.uri("/limited"), CacheTags.NONE);

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void refusesToWaitLongerThanTheRetryAfterBound() {
        server.handle("/limited", ex -> respond(ex, 429, "", "Retry-After", "120"));

        assertThatThrownBy(() -> http.get(server.uri("/limited"), CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("rate limited by " + server.uri("/limited"))
                .hasMessageContaining("wait 2m")
                .hasMessageContaining("than the 1m");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void rejectsABodyLargerThanTheCapDeclaredByContentLength() {
        replaceHttp(Duration.ofSeconds(5), 1024);
        server.handle("/big", ex -> respond(ex, 200, new byte[4096]));

        assertThatThrownBy(() -> http.get(server.uri("/big"), CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessage("response from " + server.uri("/big") + " exceeds maxBodySize (1KB)");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void stopsReadingAChunkedBodyOnceItPassesTheCap() {
        replaceHttp(Duration.ofSeconds(5), 1024);
        server.handle("/endless", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(new byte[1024]);
                    out.flush();
                }
            } catch (java.io.IOException ignored) {
                // the client hung up on purpose
            }
        });

        assertThatThrownBy(() -> http.get(server.uri("/endless"), CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("exceeds maxBodySize (1KB)");
    }

    @Test
    void capsTheDecompressedSizeOfAGzipBody() {
        replaceHttp(Duration.ofSeconds(5), 1024);
        byte[] bomb = TestServer.gzip(new byte[64 * 1024]);
        server.handle("/bomb", ex -> respond(ex, 200, bomb, "Content-Encoding", "gzip"));

        assertThat(bomb.length).isLessThan(1024);
        assertThatThrownBy(() -> http.get(server.uri("/bomb"), CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("exceeds maxBodySize (1KB)");
    }

    @Test
    void timesOutOnASlowServerRetriesOnceAndSaysSo() {
        replaceHttp(Duration.ofMillis(300), MAX_BODY);
        server.handle("/slow", ex -> {
            server.stall(Duration.ofSeconds(10));
            respond(ex, 200, "too late");
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> http.get(server.uri("/slow"), CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessage("timed out after 300ms fetching " + server.uri("/slow"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(sleeper.waits()).containsExactly(BACKOFF);
    }

    @Test
    void aRefusedConnectionIsAFetchExceptionNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/listings.json");

        assertThatThrownBy(() -> http.get(closed, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .isNotInstanceOf(HttpStatusException.class)
                .hasMessageContaining("cannot connect to " + closed);
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void followsRedirects() throws Exception {
        server.handle(
                "/old",
                ex -> respond(ex, 301, "", "Location", server.uri("/new").toString()));
        server.handle("/new", ex -> respond(ex, 200, "moved"));

        Http.Response response = http.get(server.uri("/old"), CacheTags.NONE);

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("moved");
        assertThat(response.uri()).isEqualTo(server.uri("/new"));
    }

    @Test
    void postsTheBodyWithItsContentType() throws Exception {
        server.handle("/search", ex -> respond(ex, 200, "{}"));

        http.post(server.uri("/search"), "application/json", "{\"q\":\"intern\"}".getBytes(StandardCharsets.UTF_8));

        TestServer.Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"q\":\"intern\"}");
    }

    @Test
    void keepsSecretQueryValuesOutOfMessages() {
        server.handle("/private", ex -> respond(ex, 403, ""));

        assertThatThrownBy(() -> http.get(server.uri("/private?token=s3cr3t&page=2"), CacheTags.NONE))
                .hasMessageContaining("/private?token=***&page=2")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void anInterruptedFetchThrowsInterruptedException() throws Exception {
        server.handle("/slow", ex -> {
            server.stall(Duration.ofSeconds(10));
            respond(ex, 200, "late");
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            try {
                http.get(server.uri("/slow"), CacheTags.NONE);
            } catch (Exception e) {
                thrown.set(e);
            }
        });

        poller.start();
        Thread.sleep(200);
        poller.interrupt();
        poller.join(Duration.ofSeconds(5).toMillis());

        assertThat(poller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }
}

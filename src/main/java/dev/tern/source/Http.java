package dev.tern.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client every source uses: a User-Agent naming Tern, gzip, connect and request timeouts, a body size
 * cap enforced while reading, conditional GET, one retry with backoff on connection errors, timeouts and 5xx, and a
 * bounded wait on 429 Retry-After, and politeness: requests to one host run one at a time with a minimum gap between
 * them. Error messages name the URL (credentials removed) and never carry headers.
 */
public final class Http implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Http.class);
    private static final String PROJECT_URL = "https://github.com/tern-bot/tern";
    private static final int MAX_ATTEMPTS = 2;
    private static final int NOT_MODIFIED = 304;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int FIRST_SERVER_ERROR = 500;
    private static final long LARGEST_CAP = Integer.MAX_VALUE - 64L;

    /** The least time between two requests to one host, unless told otherwise. */
    public static final Duration DEFAULT_HOST_GAP = Duration.ofSeconds(1);

    private final HttpClient client;
    /**
     * Deliveries never follow a redirect: the client would turn a POST into a GET, whose 200 would count as
     * delivered while nothing was posted.
     */
    private final HttpClient deliveryClient;

    private final Duration timeout;
    private final long maxBodySize;
    private final String userAgent;
    private final RetryPolicy retry;
    private final HostGate hostGate;

    /**
     * With the standard retries and {@link #DEFAULT_HOST_GAP} between requests to one host.
     *
     * @param timeout connect and request timeout
     * @param maxBodySize the largest body accepted, in bytes
     * @param userAgent the User-Agent header value
     */
    public Http(Duration timeout, long maxBodySize, String userAgent) {
        this(timeout, maxBodySize, userAgent, RetryPolicy.standard(), DEFAULT_HOST_GAP);
    }

    /** As {@link #Http(Duration, long, String)}, with the retry waits given (tests pass short ones) and no host gap. */
    public Http(Duration timeout, long maxBodySize, String userAgent, RetryPolicy retry) {
        this(timeout, maxBodySize, userAgent, retry, Duration.ZERO);
    }

    /**
     * As {@link #Http(Duration, long, String, RetryPolicy)}, and requests to one host (host and port) run one at a
     * time, each starting at least {@code hostGap} after the previous one ended (zero turns this off). The wait uses
     * the retry policy's sleeper and clock.
     */
    public Http(Duration timeout, long maxBodySize, String userAgent, RetryPolicy retry, Duration hostGap) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxBodySize <= 0 || maxBodySize > LARGEST_CAP) {
            throw new IllegalArgumentException("maxBodySize must be between 1 byte and 2GB, was " + maxBodySize);
        }
        this.timeout = timeout;
        this.maxBodySize = maxBodySize;
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.hostGate = new HostGate(Objects.requireNonNull(hostGap, "hostGap"), retry.sleeper(), retry.clock());
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.deliveryClient = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The User-Agent Tern sends: {@code Tern/<version> (+<project URL>)}. */
    public static String userAgent(String version) {
        return "Tern/" + version + " (+" + PROJECT_URL + ")";
    }

    /** GET with conditional headers from {@code tags}; a 304 gives a response whose {@code notModified()} is true. */
    public Response get(URI uri, CacheTags tags) throws FetchException, InterruptedException {
        return get(uri, tags, Map.of());
    }

    /**
     * As {@link #get(URI, CacheTags)}, with further request headers (a source's {@code headers}). Their values are
     * never logged nor put in a message: they may hold credentials.
     */
    public Response get(URI uri, CacheTags tags, Map<String, String> headers)
            throws FetchException, InterruptedException {
        HttpRequest.Builder request = withHeaders(newRequest(uri), headers, uri).GET();
        if (tags != null && tags.etag() != null) {
            request.header("If-None-Match", tags.etag());
        }
        if (tags != null && tags.lastModified() != null) {
            request.header("If-Modified-Since", tags.lastModified());
        }
        return send(request.build(), tags);
    }

    /** POST a body of the given content type (retried like a GET: sources only POST queries). */
    public Response post(URI uri, String contentType, byte[] body) throws FetchException, InterruptedException {
        return post(uri, contentType, body, Map.of());
    }

    /** As {@link #post(URI, String, byte[])}, with further request headers, which may replace the content type. */
    public Response post(URI uri, String contentType, byte[] body, Map<String, String> headers)
            throws FetchException, InterruptedException {
        HttpRequest.Builder request = newRequest(uri).header("Content-Type", contentType);
        return send(
                withHeaders(request, headers, uri)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                CacheTags.NONE);
    }

    /**
     * Sends one request and returns whatever the server answers, any status (a redirect too: it is not followed),
     * without retrying and without the host gate: for deliveries (webhooks), whose callers decide what a status means
     * and when to try again. Messages name
     * the target as {@code shownAs}, never by its URL, whose path may be the secret.
     *
     * @param method POST, PATCH, ...
     * @param headers request headers (Content-Type among them); their values are never put in a message
     * @throws FetchException when no answer came (connection refused, timeout, a body over the size cap)
     */
    public Answer exchange(String method, URI uri, byte[] body, Map<String, String> headers, String shownAs)
            throws FetchException, InterruptedException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent);
        } catch (IllegalArgumentException e) {
            throw new FetchException("cannot send to " + shownAs + ": not an http(s) URL");
        }
        HttpRequest built = withHeaders(request, headers, shownAs)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = exchange(deliveryClient, built, shownAs);
        return new Answer(
                response.statusCode(),
                response.body(),
                RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), retry.clock())
                        .orElse(null));
    }

    /** Stops the client's threads; requests still running fail. */
    @Override
    public void close() {
        client.shutdownNow();
        deliveryClient.shutdownNow();
    }

    private HttpRequest.Builder newRequest(URI uri) throws FetchException {
        try {
            return HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("User-Agent", userAgent)
                    .header("Accept-Encoding", "gzip");
        } catch (IllegalArgumentException e) {
            throw new FetchException("cannot fetch " + Urls.redact(uri) + ": not an http(s) URL");
        }
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, Map<String, String> headers, URI uri)
            throws FetchException {
        return withHeaders(request, headers, Urls.redact(uri));
    }

    private static HttpRequest.Builder withHeaders(
            HttpRequest.Builder request, Map<String, String> headers, String shownAs) throws FetchException {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            try {
                request.setHeader(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // The JDK's message may quote the value, which may be a credential: name the header only.
                throw new FetchException("cannot send the header '" + header.getKey() + "' to " + shownAs
                        + ": the HTTP client sets it itself (Host, Content-Length, Connection...) or its name or"
                        + " value is not valid");
            }
        }
        return request;
    }

    /**
     * Sends with one retry. The host gate is held per attempt, not across the backoff, so a slow or failing board
     * does not hold up the other sources on its host longer than one request.
     */
    private Response send(HttpRequest request, CacheTags sent) throws FetchException, InterruptedException {
        String url = Urls.redact(request.uri());
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == MAX_ATTEMPTS;
            HttpResponse<byte[]> response;
            try {
                response = hostGate.call(request.uri(), () -> exchange(request, url));
            } catch (RetryableException e) {
                if (last) {
                    throw new FetchException(e.getMessage(), e.getCause());
                }
                log.debug("{}; retrying in {}", e.getMessage(), retry.backoff());
                retry.sleeper().sleep(retry.backoff());
                continue;
            }
            int status = response.statusCode();
            if ((status / 100 == 2) || status == NOT_MODIFIED) {
                return toResponse(response, sent, url);
            }
            if (last || !isRetryable(status)) {
                throw new HttpStatusException(status, url);
            }
            Duration wait = waitBeforeRetry(response, url);
            log.debug("HTTP {} from {}; retrying in {}", status, url, wait);
            retry.sleeper().sleep(wait);
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, String url)
            throws RetryableException, FetchException, InterruptedException {
        return exchange(client, request, url);
    }

    private HttpResponse<byte[]> exchange(HttpClient over, HttpRequest request, String url)
            throws RetryableException, FetchException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future =
                over.sendAsync(request, CappedBodySubscriber.handler(maxBodySize));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RetryableException(timedOut(url), e);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), url);
        }
    }

    private FetchException failure(Throwable cause, String url) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBodySubscriber.BodyTooLargeException) {
                return tooLarge(url);
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new RetryableException(
                    "timed out after " + Describe.duration(timeout) + " connecting to " + url, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new RetryableException(timedOut(url), cause);
        }
        if (cause instanceof ConnectException) {
            return new RetryableException("cannot connect to " + url + " (" + reason(cause) + ")", cause);
        }
        if (cause instanceof IOException) {
            return new RetryableException("network error fetching " + url + " (" + reason(cause) + ")", cause);
        }
        return new FetchException("fetching " + url + " failed (" + reason(cause) + ")", cause);
    }

    private Duration waitBeforeRetry(HttpResponse<?> response, String url) throws FetchException {
        if (response.statusCode() != TOO_MANY_REQUESTS) {
            return retry.backoff();
        }
        Duration asked = RetryAfter.parse(
                        response.headers().firstValue("Retry-After").orElse(null), retry.clock())
                .orElse(retry.backoff());
        if (asked.compareTo(retry.maxRetryAfter()) > 0) {
            throw new FetchException("rate limited by " + url + " (HTTP 429): it asks to wait "
                    + Describe.duration(asked) + ", more than the " + Describe.duration(retry.maxRetryAfter())
                    + " Tern waits; the next poll tries again");
        }
        return asked;
    }

    private Response toResponse(HttpResponse<byte[]> response, CacheTags sent, String url) throws FetchException {
        HttpHeaders headers = response.headers();
        CacheTags tags = new CacheTags(
                headers.firstValue("ETag").orElse(null),
                headers.firstValue("Last-Modified").orElse(null));
        if (response.statusCode() == NOT_MODIFIED) {
            CacheTags kept = tags.isEmpty() && sent != null ? sent : tags;
            return new Response(NOT_MODIFIED, new byte[0], kept, response.uri());
        }
        String encoding =
                headers.firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        byte[] body =
                encoding.equals("gzip") || encoding.equals("x-gzip") ? gunzip(response.body(), url) : response.body();
        log.debug("HTTP {} from {}: {} bytes", response.statusCode(), url, body.length);
        return new Response(response.statusCode(), body, tags, response.uri());
    }

    private byte[] gunzip(byte[] compressed, String url) throws FetchException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] body = in.readNBytes((int) maxBodySize + 1);
            if (body.length > maxBodySize) {
                throw tooLarge(url);
            }
            return body;
        } catch (IOException e) {
            throw new FetchException("response from " + url + " is not valid gzip (" + reason(e) + ")", e);
        }
    }

    private FetchException tooLarge(String url) {
        return new FetchException("response from " + url + " exceeds maxBodySize (" + Describe.size(maxBodySize) + ")");
    }

    private String timedOut(String url) {
        return "timed out after " + Describe.duration(timeout) + " fetching " + url;
    }

    private static boolean isRetryable(int status) {
        return status >= FIRST_SERVER_ERROR || status == TOO_MANY_REQUESTS;
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** A failure worth one more try: the message is final, the retry loop decides. */
    private static final class RetryableException extends FetchException {
        RetryableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Any answer to {@link #exchange}.
     *
     * @param status the status code
     * @param body the body as sent (not decompressed: deliveries ask for no gzip)
     * @param retryAfter the wait a {@code Retry-After} header asks for, or null without one
     */
    public record Answer(int status, byte[] body, Duration retryAfter) {

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * A successful (2xx or 304) answer.
     *
     * @param status the status code
     * @param body the body, decompressed (empty for 304)
     * @param tags the ETag / Last-Modified it carried
     * @param uri where it came from
     */
    public record Response(int status, byte[] body, CacheTags tags, URI uri) {
        public boolean notModified() {
            return status == NOT_MODIFIED;
        }
    }
}

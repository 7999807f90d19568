package dev.tern.deliver.webhook;

import dev.tern.config.Target;
import dev.tern.deliver.DeliveryException;
import dev.tern.source.FetchException;
import dev.tern.source.Http;
import dev.tern.source.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a delivery to a webhook through the one {@link Http} client: paced per webhook (at most one message per
 * {@code gap}), waiting out a 429's {@code Retry-After} when it is short and leaving a long one to the outbox's
 * retry, and turning every other answer that is not 2xx into a {@link DeliveryException} that the caller's
 * {@link Failures} classifies. Messages name the target by {@link Target#display()}, never by its URL.
 */
public final class WebhookClient {

    /** A 429 asking for longer than this is left to the outbox's backoff rather than waited for here. */
    static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(30);

    /** How many 429s in a row are waited out before the outbox's retry takes over. */
    static final int MAX_RATE_LIMITED = 3;

    private static final int TOO_MANY_REQUESTS = 429;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final Http http;
    private final Sleeper sleeper;
    private final Map<String, Long> lastSent = new ConcurrentHashMap<>();

    /**
     * @param http the client every request goes through
     * @param sleeper waits for pacing and {@code Retry-After}
     */
    public WebhookClient(Http http, Sleeper sleeper) {
        this.http = http;
        this.sleeper = sleeper;
    }

    /** What a non-2xx answer (not 429) means for the target. */
    @FunctionalInterface
    public interface Failures {
        /**
         * @param status the HTTP status
         * @param body the answer's body as text (a Slack error code, a Discord error JSON)
         * @param shown the target as it may be printed
         */
        DeliveryException classify(int status, String body, String shown);
    }

    /**
     * Sends one request to {@code target}'s webhook and returns the 2xx answer.
     *
     * @param uri where it goes (the webhook URL, perhaps with a query or a message path)
     * @param gap the least time between two requests to this target
     * @throws DeliveryException transient for timeouts, connection errors, 5xx and long rate limits; otherwise what
     *     {@code failures} says
     */
    public Http.Answer send(
            Target target,
            String method,
            URI uri,
            byte[] body,
            Map<String, String> headers,
            Duration gap,
            Failures failures)
            throws DeliveryException {
        String shown = target.display();
        try {
            for (int limited = 0; ; limited++) {
                pace(target.key(), gap);
                Http.Answer answer = http.exchange(method, uri, body, headers, shown);
                lastSent.put(target.key(), System.nanoTime());
                int status = answer.status();
                if (status / 100 == 2) {
                    return answer;
                }
                if (status == TOO_MANY_REQUESTS) {
                    waitOut(answer, limited, shown);
                    continue;
                }
                if (status >= 500) {
                    throw DeliveryException.transientFailure(
                            "HTTP " + status + " from " + shown + "; will try again", null);
                }
                if (status / 100 == 3) {
                    // the hook moved (or a proxy sends Tern to a login page): Tern posts to the URL it was given only
                    throw DeliveryException.permanent(
                            DeliveryException.Kind.TARGET_GONE,
                            shown + " answered HTTP " + status + " (a redirect), which Tern does not follow for a"
                                    + " webhook; put the URL it points to in the config");
                }
                throw failures.classify(status, answer.text(), shown);
            }
        } catch (FetchException e) {
            throw DeliveryException.transientFailure(e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted while sending to " + shown, e);
        }
    }

    private void waitOut(Http.Answer answer, int limited, String shown) throws DeliveryException, InterruptedException {
        Duration wait = answer.retryAfter() == null ? DEFAULT_RETRY_AFTER : answer.retryAfter();
        if (limited + 1 >= MAX_RATE_LIMITED || wait.compareTo(MAX_INLINE_WAIT) > 0) {
            throw DeliveryException.transientFailure(
                    "rate limited by " + shown + " (HTTP 429, Retry-After " + wait.toSeconds() + "s); will try again",
                    null);
        }
        sleeper.sleep(wait);
    }

    private void pace(String key, Duration gap) throws InterruptedException {
        Long last = lastSent.get(key);
        if (last == null || gap.isZero()) {
            return;
        }
        long waitNanos = gap.toNanos() - (System.nanoTime() - last);
        if (waitNanos > 0) {
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
    }
}

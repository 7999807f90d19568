package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.testing.FakeWebhook;
import dev.tern.web.StatusSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8.1 for {@code slack:} routes, through the runtime {@code tern run} uses, against a local fake Slack
 * incoming webhook: Block Kit messages, batches, escaping, rate limits, broken webhooks and restarts.
 */
final class SlackDeliveryTest {

    private static final String HOOK_PATH = "/services/T0001/B0002/s3cr3tHookToken";

    @TempDir
    Path dir;

    private FakeWebhook slack;
    private TernWithWebhooks tern;

    @BeforeEach
    void setUp() throws Exception {
        slack = FakeWebhook.start();
        tern = new TernWithWebhooks(dir, "  - { id: slack-all, to: \"slack:" + slack.url(HOOK_PATH) + "\" }");
    }

    @AfterEach
    void tearDown() {
        tern.close();
        slack.close();
    }

    @Test
    void anAlertArrivesAsBlockKitWithAnApplyButtonAndATextFallback() {
        tern.add(List.of(1));
        tern.poll();

        FakeWebhook.Request request = only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo(HOOK_PATH);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Idempotency-Key")).startsWith("tern-");
        JsonNode body = request.json();
        assertThat(body.get("text").asText()).contains("Acme – Intern 1");
        JsonNode blocks = body.get("blocks");
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("Acme – Intern 1");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
        assertThat(texts(blocks.get(1).get("fields")))
                .anyMatch(f -> f.startsWith("*Location*") && f.contains("Boston"))
                .anyMatch(f -> f.startsWith("*Workplace*"))
                .anyMatch(f -> f.startsWith("*Posted*"));
        JsonNode button = blocks.get(2).get("elements").get(0);
        assertThat(button.get("type").asText()).isEqualTo("button");
        assertThat(button.get("text").get("text").asText()).isEqualTo("Apply");
        assertThat(button.get("url").asText()).isEqualTo(TernWithWebhooks.url(1));
        JsonNode context = blocks.get(blocks.size() - 1);
        assertThat(context.get("type").asText()).isEqualTo("context");
        assertThat(context.get("elements").get(0).get("text").asText()).contains("Route slack-all");
        assertThat(tern.deliveryStatuses(1)).containsExactly("SENT");
    }

    @Test
    void tenPostingsInOneCycleGoAsOneMessageAndMoreThanTheDigestAsOneList() {
        tern.add(IntStream.rangeClosed(1, 10).boxed().toList());
        tern.poll();

        JsonNode blocks = only().json().get("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        assertThat(ofType(blocks, "header")).hasSize(10);
        assertThat(ofType(blocks, "actions")).hasSize(10);

        tern.add(IntStream.rangeClosed(11, 22).boxed().toList());
        tern.poll();

        List<FakeWebhook.Request> requests = slack.requests();
        assertThat(requests).hasSize(2);
        JsonNode digest = requests.get(1).json().get("blocks");
        assertThat(digest.get(0).get("text").get("text").asText()).isEqualTo("12 new postings match");
        assertThat(digest.get(1).get("text").get("text").asText())
                .contains("<" + TernWithWebhooks.url(11) + "|Intern 11>")
                .contains("<" + TernWithWebhooks.url(22) + "|Intern 22>");
    }

    @Test
    void aTitleNeverBecomesAMentionOrALink() {
        tern.addTitled("evil", "<!channel> *x* <@U123> & <https://evil.example|click>");
        tern.poll();

        String body = only().body();
        assertThat(body)
                .doesNotContain("<!channel>")
                .doesNotContain("<@U123>")
                .doesNotContain("<https://evil.example")
                .contains("&lt;!channel&gt; *x* &lt;@U123&gt; &amp; &lt;https://evil.example|click&gt;");
    }

    @Test
    void aRateLimitIsWaitedOutAndTheMessageDeliveredOnce() {
        slack.queue(429, "rate_limited", "Retry-After", "2");
        tern.add(List.of(1));
        tern.poll();
        tern.poll();

        List<FakeWebhook.Request> requests = slack.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(
                        requests.get(1).receivedNanos() - requests.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(tern.deliveryStatuses(1)).containsExactly("SENT");
    }

    @Test
    void aRemovedWebhookMarksTheRouteBrokenWithoutPrintingItsUrl() {
        slack.queue(404, "no_service");
        tern.add(List.of(1));
        tern.poll();

        assertBroken("no_service");
        tern.add(List.of(2));
        tern.poll();
        assertThat(slack.requests())
                .as("nothing more is sent to a broken webhook")
                .hasSize(1);
    }

    @Test
    void anArchivedChannelMarksTheRouteBroken() {
        slack.queue(410, "channel_is_archived");
        tern.add(List.of(1));
        tern.poll();

        assertBroken("channel_is_archived");
    }

    @Test
    void aRestartBetweenQueueingAndDeliverySendsEachAlertOnce() throws Exception {
        tern.add(List.of(1, 2));
        tern.pollWithoutDelivering();
        assertThat(slack.requests()).isEmpty();

        tern.restart();
        tern.drain();
        tern.drain();
        tern.restart();
        tern.drain();

        JsonNode blocks = only().json().get("blocks");
        assertThat(ofType(blocks, "header")).hasSize(2);
        assertThat(tern.deliveryStatuses(1)).containsExactly("SENT");
        assertThat(tern.deliveryStatuses(2)).containsExactly("SENT");
    }

    private void assertBroken(String code) {
        assertThat(tern.deliveryStatuses(1)).containsExactly("FAILED");
        StatusSummary status = tern.tern().status().read();
        assertThat(status.routes()).singleElement().satisfies(route -> {
            assertThat(route.health()).startsWith("broken: ").contains(code);
            assertThat(route.target()).doesNotContain("s3cr3t");
        });
        assertThat(status.brokenTargets()).singleElement().satisfies(b -> assertThat(b.target())
                .doesNotContain("s3cr3t"));
        assertThat(tern.notices())
                .singleElement()
                .asString()
                .contains("slack:http://127.0.0.1:")
                .contains(code)
                .contains("routes: slack-all")
                .contains("incoming webhook")
                .doesNotContain("s3cr3t");
        assertThat(tern.tern().services().subscriptions().status().brokenTargets())
                .singleElement()
                .satisfies(b -> assertThat(b.routes()).containsExactly("slack-all"));
    }

    private FakeWebhook.Request only() {
        assertThat(slack.requests()).hasSize(1);
        return slack.requests().getFirst();
    }

    private static List<JsonNode> ofType(JsonNode blocks, String type) {
        List<JsonNode> found = new ArrayList<>();
        blocks.forEach(b -> {
            if (b.get("type").asText().equals(type)) {
                found.add(b);
            }
        });
        return found;
    }

    private static List<String> texts(JsonNode fields) {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.get("text").asText()));
        return out;
    }
}

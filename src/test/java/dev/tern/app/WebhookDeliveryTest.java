package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.testing.FakeWebhook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8.1 for {@code discord-webhook:} and {@code webhook:} routes, through the runtime {@code tern run} uses,
 * against local fakes: the Discord webhook message is sent with {@code ?wait=true} and edited in place when its
 * posting closes; the JSON webhook gets the posting signed with the route's secret, and a closed event later.
 */
final class WebhookDeliveryTest {

    private static final String DISCORD_PATH = "/api/webhooks/123456/t0kenSecret";
    private static final String SECRET = "shh-s3cret";

    @TempDir
    Path dir;

    private FakeWebhook discord;
    private FakeWebhook hook;
    private TernWithWebhooks tern;
    private final AtomicInteger messageIds = new AtomicInteger(9000);

    @BeforeEach
    void setUp() throws Exception {
        discord = FakeWebhook.start()
                .otherwise(request -> request.method().equals("POST")
                        ? new FakeWebhook.Answer(
                                200, "{\"id\":\"" + messageIds.incrementAndGet() + "\",\"channel_id\":\"777\"}")
                        : new FakeWebhook.Answer(200, "{}"));
        hook = FakeWebhook.start().otherwise(request -> new FakeWebhook.Answer(204, ""));
        tern = new TernWithWebhooks(dir, """
                  - { id: dw, to: "discord-webhook:%s" }
                  - { id: relay, to: "webhook:%s", secret: "%s" }
                """.formatted(discord.url(DISCORD_PATH), hook.url("/in/hook-t0ken"), SECRET)
                .stripTrailing());
    }

    @AfterEach
    void tearDown() {
        tern.close();
        discord.close();
        hook.close();
    }

    @Test
    void aDiscordWebhookMessageIsSentWithWaitAndEditedWhenThePostingCloses() {
        tern.add(List.of(1));
        tern.poll();

        FakeWebhook.Request sent = discord.requests().getFirst();
        assertThat(discord.requests()).hasSize(1);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri().getPath()).isEqualTo(DISCORD_PATH);
        assertThat(sent.uri().getQuery()).contains("wait=true");
        JsonNode body = sent.json();
        assertThat(body.get("allowed_mentions").get("parse")).isEmpty();
        JsonNode embed = body.get("embeds").get(0);
        assertThat(embed.get("title").asText()).isEqualTo("Intern 1");
        assertThat(embed.get("author").get("name").asText()).isEqualTo("Acme");
        assertThat(embed.get("footer").get("text").asText()).contains("Route dw matched");
        assertThat(body.get("components")
                        .get(0)
                        .get("components")
                        .get(0)
                        .get("url")
                        .asText())
                .isEqualTo(TernWithWebhooks.url(1));

        tern.active(1, false);
        tern.poll();

        assertThat(discord.requests()).hasSize(2);
        FakeWebhook.Request edit = discord.requests().get(1);
        assertThat(edit.method()).isEqualTo("PATCH");
        assertThat(edit.uri().getPath()).isEqualTo(DISCORD_PATH + "/messages/9001");
        JsonNode edited = edit.json();
        assertThat(edited.get("embeds").get(0).get("title").asText()).isEqualTo("Closed: Intern 1");
        assertThat(edited.get("components")).as("the Apply button is gone").isEmpty();
        assertThat(edited.get("allowed_mentions").get("parse")).isEmpty();
    }

    @Test
    void aDeletedDiscordWebhookMarksTheRouteBroken() {
        discord.queue(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}");
        tern.add(List.of(1));
        tern.poll();

        assertThat(tern.tern().services().subscriptions().status().brokenTargets())
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.routes()).containsExactly("dw");
                    assertThat(b.reason()).contains("10015").doesNotContain("t0kenSecret");
                });
        assertThat(tern.notices()).singleElement().asString().doesNotContain("t0kenSecret");
        assertThat(hook.requests()).as("the other route is not held up").hasSize(1);
    }

    @Test
    void aJsonWebhookGetsThePostingSignedWithTheRoutesSecretAndLaterItsClose() throws Exception {
        tern.add(List.of(1));
        tern.poll();

        FakeWebhook.Request post = hook.requests().getFirst();
        assertThat(hook.requests()).hasSize(1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.header("X-Tern-Signature")).isEqualTo("sha256=" + hmac(SECRET, post.body()));
        assertThat(post.header("Idempotency-Key")).startsWith("tern-");
        JsonNode body = post.json();
        assertThat(body.get("event").asText()).isEqualTo("posting.new");
        assertThat(body.get("route").asText()).isEqualTo("relay");
        assertThat(body.get("title").asText()).isEqualTo("Intern 1");
        assertThat(body.get("company").asText()).isEqualTo("Acme");
        assertThat(body.get("url").asText()).isEqualTo(TernWithWebhooks.url(1));
        assertThat(body.get("key").asText()).isEqualTo("list:p1");
        assertThat(body.has("sponsorship")).isTrue();
        assertThat(body.get("locations").get(0).asText()).contains("Boston");

        tern.active(1, false);
        tern.poll();

        assertThat(hook.requests()).hasSize(2);
        FakeWebhook.Request closed = hook.requests().get(1);
        assertThat(closed.json().get("event").asText()).isEqualTo("posting.closed");
        assertThat(closed.header("X-Tern-Signature")).isEqualTo("sha256=" + hmac(SECRET, closed.body()));
        assertThat(closed.header("Idempotency-Key")).isNotEqualTo(post.header("Idempotency-Key"));
    }

    @Test
    void eachCloseAndReopenOfAPostingReachesAJsonWebhookUnderAKeyOfItsOwn() {
        tern.add(List.of(1));
        tern.poll();
        for (boolean active : List.of(false, true, false, true)) {
            tern.active(1, active);
            tern.poll();
        }

        assertThat(hook.requests())
                .extracting(r -> r.json().get("event").asText())
                .containsExactly(
                        "posting.new", "posting.closed", "posting.reopened", "posting.closed", "posting.reopened");
        assertThat(hook.requests())
                .extracting(r -> r.header("Idempotency-Key"))
                .as("a second reopen is no repeat of the first: a receiver that drops repeats keeps it")
                .doesNotHaveDuplicates();
    }

    @Test
    void aJsonWebhookThatRefusesTernMarksItsRouteBrokenAndAServerErrorIsRetried() {
        hook.queue(500, "oops");
        tern.add(List.of(1));
        tern.poll();
        assertThat(tern.deliveryStatuses(1)).contains("PENDING");
        assertThat(tern.tern().services().subscriptions().status().brokenTargets())
                .isEmpty();

        hook.queue(401, "bad signature");
        tern.clock.advance(java.time.Duration.ofMinutes(1));
        tern.poll();

        assertThat(hook.requests()).hasSize(2);
        assertThat(tern.tern().services().subscriptions().status().brokenTargets())
                .singleElement()
                .satisfies(b -> assertThat(b.routes()).containsExactly("relay"));
    }

    @Test
    void aJsonWebhookThatRefusesOneMessageFailsThatMessageOnlyAndTheRouteGoesOn() {
        hook.queue(422, "{\"error\":\"unprocessable\"}");
        tern.add(List.of(1));
        tern.poll();
        tern.add(List.of(1, 2));
        tern.poll();

        assertThat(tern.deliveryStatuses(1))
                .as("the Discord webhook route took it, the JSON webhook refused it")
                .containsExactlyInAnyOrder("SENT", "FAILED");
        assertThat(hook.requests()).hasSize(2);
        assertThat(hook.requests().get(1).json().get("key").asText()).isEqualTo("list:p2");
        assertThat(tern.deliveryStatuses(2)).containsOnly("SENT");
        assertThat(tern.tern().services().subscriptions().status().brokenTargets())
                .as("one refused message says nothing about the endpoint")
                .isEmpty();
    }

    @Test
    void aWebhookThatAnswersWithARedirectIsNotFollowedAndItsRouteIsBroken() {
        hook.queue(302, "", "Location", hook.url("/login?next=hook-t0ken"));
        tern.add(List.of(1));
        tern.poll();

        assertThat(hook.requests())
                .as("the POST only: no GET of the redirect that would answer 200")
                .extracting(FakeWebhook.Request::method)
                .containsExactly("POST");
        assertThat(tern.deliveryStatuses(1))
                .as("the Discord webhook route took it, the JSON webhook did not")
                .containsExactlyInAnyOrder("SENT", "FAILED");
        assertThat(tern.tern().services().subscriptions().status().brokenTargets())
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.routes()).containsExactly("relay");
                    assertThat(b.reason()).contains("HTTP 302").doesNotContain("hook-t0ken");
                });
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}

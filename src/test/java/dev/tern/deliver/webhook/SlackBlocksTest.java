package dev.tern.deliver.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.MessagePlan;
import dev.tern.store.MessageLayout;
import dev.tern.testing.TestPostings;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Slack's Block Kit limits hold whatever the postings say and however many arrive at once. */
final class SlackBlocksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHugeTitleIsCutToTheHeaderLimitWithoutBreakingAnEntity() throws Exception {
        Alert alert = alert(1, "<".repeat(400));

        JsonNode body = render(MessageLayout.ITEMS, List.of(alert));

        String header = body.get("blocks").get(0).get("text").get("text").asText();
        assertThat(header.length()).isLessThanOrEqualTo(SlackBlocks.HEADER_MAX);
        assertThat(header).doesNotContain("<").endsWith("&lt;…");
    }

    @Test
    void tenPostingsFitTheBlockLimitAndAHugeDigestStaysWithinEveryLimit() throws Exception {
        JsonNode ten = render(MessageLayout.ITEMS, alerts(10));
        assertThat(ten.get("blocks").size()).isLessThanOrEqualTo(SlackBlocks.BLOCKS_MAX);

        JsonNode digest = render(MessageLayout.DIGEST, alerts(2000));

        JsonNode blocks = digest.get("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(SlackBlocks.BLOCKS_MAX);
        blocks.forEach(block -> {
            if (block.get("type").asText().equals("section")) {
                assertThat(block.get("text").get("text").asText().length())
                        .isLessThanOrEqualTo(SlackBlocks.SECTION_MAX);
            }
        });
        assertThat(blocks.get(blocks.size() - 2).get("text").get("text").asText())
                .contains("more");
        assertThat(digest.get("text").asText().length()).isLessThanOrEqualTo(SlackBlocks.FALLBACK_MAX);
    }

    @Test
    void alertsAreBatchedByTenUpToTheDigestAndOneDigestBeyondIt() {
        SlackNotifier slack = new SlackNotifier(null, 30);

        List<MessagePlan> batches = slack.plan("slack:x", alerts(25));
        List<MessagePlan> digest = slack.plan("slack:x", alerts(31));

        assertThat(batches).extracting(p -> p.alerts().size()).containsExactly(10, 10, 5);
        assertThat(batches).allMatch(p -> p.layout() == MessageLayout.ITEMS);
        assertThat(digest).singleElement().satisfies(p -> assertThat(p.layout()).isEqualTo(MessageLayout.DIGEST));
    }

    @Test
    void slackErrorsThatMeanTheWebhookIsGoneBreakTheTargetAndOthersOnlyRefuseTheMessage() {
        assertThat(SlackNotifier.failure(404, "no_service", "slack:x").kind().name())
                .isEqualTo("TARGET_GONE");
        assertThat(SlackNotifier.failure(404, "channel_not_found", "slack:x")
                        .kind()
                        .name())
                .isEqualTo("TARGET_GONE");
        assertThat(SlackNotifier.failure(410, "channel_is_archived", "slack:x")
                        .kind()
                        .name())
                .isEqualTo("TARGET_GONE");
        assertThat(SlackNotifier.failure(403, "action_prohibited", "slack:x")
                        .kind()
                        .name())
                .isEqualTo("TARGET_GONE");
        assertThat(SlackNotifier.failure(400, "invalid_payload", "slack:x")
                        .kind()
                        .name())
                .isEqualTo("REJECTED");
    }

    private static JsonNode render(MessageLayout layout, List<Alert> alerts) throws Exception {
        return JSON.readTree(SlackBlocks.render(new AlertMessage(1, "slack:x", "tern-k", layout, alerts, null, null)));
    }

    private static List<Alert> alerts(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> alert(i, "Software Engineering Intern " + i + " with a longish title"))
                .toList();
    }

    private static Alert alert(int i, String title) {
        return new Alert(
                i,
                "slack:x",
                "r",
                null,
                TestPostings.posting("s", "p" + i).title(title).build());
    }
}

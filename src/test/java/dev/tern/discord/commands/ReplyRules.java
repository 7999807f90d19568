package dev.tern.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What every answer to a slash command must be, checked on the JSON that JDA sends Discord: one ephemeral
 * acknowledgement (a reply, or a deferral and then its edit), no mentions allowed, never the "something went
 * wrong" apology of {@link CommandRouter}, and within Discord's limits on content, embeds and buttons.
 */
final class ReplyRules {

    static final int CONTENT_MAX = 2000;
    static final int EMBEDS_MAX = 10;
    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 4096;
    static final int FIELDS_MAX = 25;
    static final int FIELD_NAME_MAX = 256;
    static final int FIELD_VALUE_MAX = 1024;
    static final int FOOTER_MAX = 2048;
    static final int AUTHOR_MAX = 256;
    static final int EMBED_TOTAL_MAX = 6000;
    static final int ROWS_MAX = 5;
    static final int BUTTONS_PER_ROW_MAX = 5;
    static final int LABEL_MAX = 80;
    static final int CUSTOM_ID_MAX = 100;

    private static final int EPHEMERAL = 64;
    private static final int REPLY = 4;
    private static final int DEFER_REPLY = 5;
    private static final String APOLOGY = "Something went wrong on Tern's side";

    private ReplyRules() {}

    /** Checks the whole answer and returns the message the user finally sees. */
    static JsonNode check(List<JsonNode> callbacks, List<JsonNode> edits, List<JsonNode> followUps, String context) {
        assertThat(callbacks).as(context + ": exactly one acknowledgement").hasSize(1);
        JsonNode callback = callbacks.getFirst();
        int type = callback.path("type").asInt();
        assertThat(type).as(context + ": a reply or a deferred reply").isIn(REPLY, DEFER_REPLY);
        assertThat(callback.path("data").path("flags").asInt() & EPHEMERAL)
                .as(context + ": ephemeral")
                .isEqualTo(EPHEMERAL);
        JsonNode shown = type == REPLY ? callback.path("data") : edits.getLast();
        messages(type == REPLY ? List.of(shown) : edits, context);
        messages(followUps, context);
        followUps.forEach(f -> assertThat(f.path("flags").asInt() & EPHEMERAL)
                .as(context + ": ephemeral follow-up")
                .isEqualTo(EPHEMERAL));
        return shown;
    }

    private static void messages(List<JsonNode> messages, String context) {
        for (JsonNode message : messages) {
            assertThat(message.path("allowed_mentions").path("parse").isArray())
                    .as(context + ": allowed_mentions.parse given in " + message)
                    .isTrue();
            assertThat(message.path("allowed_mentions").path("parse"))
                    .as(context + ": no mentions")
                    .isEmpty();
            assertThat(message.path("allowed_mentions").path("users"))
                    .as(context + ": no user mentions")
                    .isEmpty();
            assertThat(message.path("allowed_mentions").path("roles"))
                    .as(context + ": no role mentions")
                    .isEmpty();
            String content = message.path("content").asText();
            assertThat(content.length()).as(context + ": content length").isLessThanOrEqualTo(CONTENT_MAX);
            assertThat(content).as(context).doesNotContain(APOLOGY);
            embeds(message.path("embeds"), context);
            components(message.path("components"), context);
        }
    }

    private static void embeds(JsonNode embeds, String context) {
        assertThat(embeds.size()).as(context + ": embeds").isLessThanOrEqualTo(EMBEDS_MAX);
        int total = 0;
        for (JsonNode embed : embeds) {
            total += within(embed.path("title"), TITLE_MAX, "title", context);
            total += within(embed.path("description"), DESCRIPTION_MAX, "description", context);
            total += within(embed.path("footer").path("text"), FOOTER_MAX, "footer", context);
            total += within(embed.path("author").path("name"), AUTHOR_MAX, "author", context);
            assertThat(embed.path("fields").size()).as(context + ": fields").isLessThanOrEqualTo(FIELDS_MAX);
            for (JsonNode field : embed.path("fields")) {
                total += within(field.path("name"), FIELD_NAME_MAX, "field name", context);
                total += within(field.path("value"), FIELD_VALUE_MAX, "field value", context);
            }
        }
        assertThat(total).as(context + ": characters in all embeds").isLessThanOrEqualTo(EMBED_TOTAL_MAX);
    }

    private static int within(JsonNode text, int max, String what, String context) {
        int length = text.asText("").length();
        assertThat(length).as(context + ": embed " + what + " length").isLessThanOrEqualTo(max);
        return length;
    }

    private static void components(JsonNode rows, String context) {
        assertThat(rows.size()).as(context + ": rows of buttons").isLessThanOrEqualTo(ROWS_MAX);
        for (JsonNode row : rows) {
            assertThat(row.path("components").size())
                    .as(context + ": buttons in a row")
                    .isLessThanOrEqualTo(BUTTONS_PER_ROW_MAX);
            for (JsonNode button : row.path("components")) {
                assertThat(button.path("label").asText("").length())
                        .as(context + ": label")
                        .isLessThanOrEqualTo(LABEL_MAX);
                assertThat(button.path("custom_id").asText("").length())
                        .as(context + ": custom id")
                        .isLessThanOrEqualTo(CUSTOM_ID_MAX);
            }
        }
    }
}

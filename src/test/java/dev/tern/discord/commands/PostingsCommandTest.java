package dev.tern.discord.commands;

import static dev.tern.discord.commands.CommandFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.InteractionReply;
import dev.tern.discord.fake.Option;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /postings}: pages of open postings, the Previous and Next buttons, and mistakes in the filter. */
final class PostingsCommandTest {

    private static CommandFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CommandFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void showsTheFirstPageOfFiveNewestFirstWithPageButtons() {
        JsonNode reply = fixture.reply(fixture.newUser(), "postings", Option.string("keywords", "ml"));

        JsonNode embed = reply.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("12 open postings: keywords ml");
        assertThat(titles(embed))
                .containsExactly("ML Intern 1", "ML Intern 2", "ML Intern 3", "ML Intern 4", "ML Intern 5");
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("Page 1 of 3");
        assertThat(buttons(reply)).hasSize(2);
        assertThat(buttons(reply).get(0).path("label").asText()).isEqualTo("Previous");
        assertThat(buttons(reply).get(0).path("disabled").asBoolean()).isTrue();
        assertThat(buttons(reply).get(1).path("label").asText()).isEqualTo("Next");
        assertThat(buttons(reply).get(1).path("disabled").asBoolean()).isFalse();
        assertThat(buttons(reply).get(1).path("custom_id").asText()).matches("postings:page:[a-z2-9]{10}:2");
    }

    @Test
    void nextAndPreviousTurnThePageInPlace() {
        String user = fixture.newUser();
        InteractionReply search = fixture.send(user, "postings", Option.string("keywords", "ml"));
        JsonNode first = CommandFixture.ephemeral(search);
        String message = search.messageId().orElseThrow();

        JsonNode second = click(user, buttons(first).get(1), message);
        JsonNode third = click(user, buttons(second).get(1), message);
        JsonNode back = click(user, buttons(third).get(0), message);

        assertThat(titles(second.path("embeds").get(0)))
                .containsExactly("ML Intern 6", "ML Intern 7", "ML Intern 8", "ML Intern 9", "ML Intern 10");
        assertThat(titles(third.path("embeds").get(0))).containsExactly("ML Intern 11", "ML Intern 12");
        assertThat(third.path("embeds").get(0).path("footer").path("text").asText())
                .isEqualTo("Page 3 of 3");
        assertThat(buttons(third).get(1).path("disabled").asBoolean()).isTrue();
        assertThat(back.path("embeds").get(0).path("footer").path("text").asText())
                .isEqualTo("Page 2 of 3");
        assertThat(fixture.discord.messages(FakeDiscord.GENERAL).stream()
                        .filter(m -> m.path("id").asText().equals(message))
                        .findFirst()
                        .orElseThrow()
                        .path("embeds")
                        .get(0)
                        .path("footer")
                        .path("text")
                        .asText())
                .isEqualTo("Page 2 of 3");
    }

    @Test
    void anExpiredSearchAsksToSearchAgain() {
        String user = fixture.newUser();
        InteractionReply search = fixture.send(user, "postings", Option.string("keywords", "ml"));
        CommandFixture.ephemeral(search);

        InteractionReply click = fixture.discord.sendButton(
                user,
                FakeDiscord.GENERAL,
                "postings:page:gone000000:2",
                search.messageId().orElseThrow());

        assertThat(CommandFixture.ephemeral(click).path("content").asText())
                .isEqualTo("This search has expired; run /postings again.");
    }

    @Test
    void withoutOptionsItListsEveryOpenPostingAndOnePageHasNoButtons() {
        JsonNode everything = fixture.reply(fixture.newUser(), "postings");
        JsonNode acme = fixture.reply(fixture.newUser(), "postings", Option.string("company", "Acme"));

        assertThat(everything.path("embeds").get(0).path("title").asText())
                .isEqualTo("14 open postings: every posting");
        assertThat(acme.path("embeds").get(0).path("title").asText()).isEqualTo("1 open posting: at Acme");
        assertThat(acme.path("components")).isEmpty();
    }

    @Test
    void postingTextIsShownLiterallyAndPingsNoOne() {
        JsonNode reply = fixture.reply(fixture.newUser(), "postings", Option.string("company", "Mention Corp"));

        String line = reply.path("embeds").get(0).path("description").asText();
        assertThat(line)
                .startsWith("• **Mention Corp** — [@everyone \\*\\*Intern\\*\\* <@123>](https://jobs.example.com/")
                .contains("Seattle, WA, US");
        CommandFixture.assertNoMentions(reply);
    }

    @Test
    void nothingMatchingSaysWhatToDo() {
        JsonNode reply = fixture.reply(fixture.newUser(), "postings", Option.string("keywords", "astronaut"));

        assertThat(reply.path("embeds").get(0).path("description").asText())
                .startsWith("Nothing open matches this now.");
    }

    @Test
    void aBadFilterIsExplainedAndNothingSearched() {
        String user = fixture.newUser();

        assertThat(fixture.text(user, "postings", Option.string("keywords", "ml OR")))
                .startsWith("**keywords**: ")
                .contains("Example: `keywords:");
        assertThat(fixture.text(user, "postings", Option.string("location", "Seatle")))
                .contains("did you mean Seattle");
        assertThat(fixture.text(user, "postings", Option.integer("start_year", 3000)))
                .startsWith("**start_year**: 3000 is not a start year");
    }

    @Test
    void searchesBySponsorshipDegreeAndCategoryAndShowsThem() {
        JsonNode reply = fixture.reply(
                fixture.newUser(),
                "postings",
                Option.string("category", "data-ml"),
                Option.string("sponsorship", "offered"),
                Option.string("degree", "phd"));

        // ML Intern 3, 6, 9 and 12 sponsor; none names a PhD, so none passes the degree
        JsonNode embed = reply.path("embeds").get(0);
        assertThat(embed.path("title").asText()).startsWith("0 open postings: ");
        JsonNode sponsors = fixture.reply(
                        fixture.newUser(),
                        "postings",
                        Option.string("category", "data-ml"),
                        Option.string("sponsorship", "offered"))
                .path("embeds")
                .get(0);
        assertThat(sponsors.path("title").asText()).isEqualTo("4 open postings: sponsorship offered; in data-ml roles");
        assertThat(sponsors.path("description").asText())
                .contains("[ML Intern 3]", "[ML Intern 12]")
                .contains("Data/ML · Bachelor's · Sponsors visas")
                .contains("Data/ML · Master's · Sponsors visas");
        JsonNode business = fixture.reply(fixture.newUser(), "postings", Option.string("category", "business"))
                .path("embeds")
                .get(0);
        assertThat(business.path("description").asText())
                .contains("Sales Intern")
                .doesNotContain("ML Intern");
    }

    @Test
    void autocompletesCompaniesAndLocations() {
        String user = fixture.newUser();

        assertThat(fixture.choices(user, "postings", "company", "acm")).containsExactly("Acme=Acme");
        assertThat(fixture.choices(user, "postings", "location", "singa")).contains("Singapore=Singapore");
    }

    private static JsonNode click(String user, JsonNode button, String messageId) {
        InteractionReply click = fixture.discord.sendButton(
                user, FakeDiscord.GENERAL, button.path("custom_id").asText(), messageId);
        assertThat(click.awaitCallbackType(TIMEOUT)).isEqualTo(InteractionReply.UPDATE_MESSAGE);
        JsonNode updated = click.awaitResponse(TIMEOUT);
        CommandFixture.assertNoMentions(updated);
        return updated;
    }

    /** The posting titles of a page, from its link texts. */
    private static List<String> titles(JsonNode embed) {
        List<String> titles = new ArrayList<>();
        embed.path("description")
                .asText()
                .lines()
                .forEach(line -> titles.add(line.substring(line.indexOf('[') + 1, line.indexOf(']'))));
        return titles;
    }

    private static List<JsonNode> buttons(JsonNode message) {
        List<JsonNode> buttons = new ArrayList<>();
        message.path("components").forEach(row -> row.path("components").forEach(buttons::add));
        return buttons;
    }
}

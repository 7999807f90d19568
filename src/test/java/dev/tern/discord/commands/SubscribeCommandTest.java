package dev.tern.discord.commands;

import static dev.tern.discord.commands.CommandFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.FilterConfig;
import dev.tern.config.Sponsorship;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.discord.fake.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /subscribe} from INTERACTION_CREATE to the callback: every result and every mistake a user can make. */
final class SubscribeCommandTest {

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
    void restatesTheFilterCountsOpenMatchesAndShowsTheThreeNewestAsLinks() {
        String user = fixture.newUser();

        JsonNode reply = fixture.reply(user, "subscribe", Option.string("keywords", "ml"));

        long id = fixture.service.list(user).getFirst().id();
        assertThat(reply.path("content").asText())
                .isEqualTo("Subscribed (#" + id + "): keywords ml.\n12 open postings match it now.\n"
                        + "Alerts for new ones will come by DM.");
        JsonNode samples = reply.path("embeds").get(0);
        assertThat(samples.path("description").asText())
                .startsWith("• **Streamline** — [ML Intern 1](https://jobs.example.com/simplify/ml1) · Singapore")
                .contains("[ML Intern 2](https://jobs.example.com/simplify/ml2)", "[ML Intern 3]", "Summer 2027")
                .doesNotContain("ML Intern 4");
        assertThat(samples.path("description").asText().lines()).hasSize(3);
        assertThat(samples.path("footer").path("text").asText()).isEqualTo("See them all with /postings.");
    }

    @Test
    void everyOptionTogetherIsStoredAsOneFilter() {
        String user = fixture.newUser();

        String text = fixture.text(
                user,
                "subscribe",
                Option.string("keywords", "ml"),
                Option.string("location", "Singapore"),
                Option.integer("start_year", 2027),
                Option.string("company", "Stripe"),
                Option.string("remote", "exclude"));

        assertThat(text).contains("keywords ml; in Singapore; starting 2027; at Stripe; not remote.");
        assertThat(fixture.service.list(user))
                .singleElement()
                .satisfies(s -> assertThat(s.filter().companies()).containsExactly("Stripe"));
    }

    @Test
    void takesSponsorshipDegreeAndCategoryFromTheirChoices() {
        String user = fixture.newUser();

        JsonNode reply = fixture.reply(
                user,
                "subscribe",
                Option.string("sponsorship", "needs"),
                Option.string("degree", "master"),
                Option.string("category", "data-ml"));

        // ML Intern 2, 6, 8 and 12: for a master's, and sponsoring or not saying
        assertThat(reply.path("content").asText())
                .contains("sponsorship offered or unknown; for master (or degree not stated); in data-ml roles.\n"
                        + "4 open postings match it now.");
        assertThat(reply.path("embeds").get(0).path("description").asText())
                .contains("[ML Intern 2]", "[ML Intern 6]", "[ML Intern 8]")
                .contains("Data/ML · Master's")
                .doesNotContain("[ML Intern 4]", "[ML Intern 3]");
        FilterConfig stored = fixture.service.list(user).getFirst().filter();
        assertThat(stored.sponsorship()).containsExactly(Sponsorship.OFFERED, Sponsorship.UNKNOWN);
        assertThat(stored.degrees()).containsExactly(Degree.MASTER);
        assertThat(stored.includeUnknownDegree()).isTrue();
        assertThat(stored.categories()).containsExactly(Category.DATA_ML);
    }

    @Test
    void aValueThatIsNotAChoiceIsRefusedWithTheChoices() {
        String user = fixture.newUser();

        assertThat(fixture.text(user, "subscribe", Option.string("category", "ml")))
                .isEqualTo("**category**: 'ml' is not one of software, data-ml, quant, hardware, product, design,"
                        + " business, other\nExample: `category:software`");
        assertThat(fixture.text(user, "subscribe", Option.string("sponsorship", "yes")))
                .startsWith("**sponsorship**: 'yes' is not one of needs, offered, not-citizens-only, any");
        assertThat(fixture.text(user, "subscribe", Option.string("degree", "BS")))
                .startsWith("**degree**: 'BS' is not one of bachelor, master, phd")
                .endsWith("Example: `degree:bachelor`");
        assertThat(fixture.service.list(user)).isEmpty();
    }

    @Test
    void sponsorshipAnyIsNoFilter() {
        assertThat(fixture.text(fixture.newUser(), "subscribe", Option.string("sponsorship", "any")))
                .startsWith("No filter given: ");
    }

    @Test
    void deliverHereNeedsManageChannels() {
        String member = fixture.newUser();
        // JDA computes channel permissions from the cached roles and overwrites; in the fake only the owner has more.
        String moderator = FakeDiscord.ADMIN;

        String refused =
                fixture.text(member, "subscribe", Option.string("keywords", "ml"), Option.string("deliver", "here"));
        String accepted =
                fixture.text(moderator, "subscribe", Option.string("keywords", "ml"), Option.string("deliver", "here"));

        assertThat(refused)
                .startsWith("**deliver**: `here` needs the Manage Channels permission in this channel")
                .contains("`deliver:dm`");
        assertThat(fixture.service.list(member)).isEmpty();
        assertThat(accepted).contains("Alerts for new ones will come in <#" + FakeDiscord.GENERAL + ">.");
        assertThat(fixture.service.list(moderator).getFirst().target())
                .isEqualTo("discord:channel/" + FakeDiscord.GENERAL);
    }

    @Test
    void anEmptyFilterAsksForAtLeastOneOption() {
        assertThat(fixture.text(fixture.newUser(), "subscribe", Option.string("keywords", "   ")))
                .isEqualTo("No filter given: give at least one of keywords, location, start_year, company, remote,"
                        + " sponsorship, degree or category."
                        + "\nExample: `keywords: software intern`");
    }

    @Test
    void keywordsLongerThan200CharactersAreRefused() {
        assertThat(fixture.text(fixture.newUser(), "subscribe", Option.string("keywords", "a".repeat(201))))
                .startsWith("**keywords**: the keyword query is 201 characters long; the limit is 200")
                .endsWith("Example: `keywords:\"machine learning\" OR ml -senior`");
    }

    @Test
    void malformedKeywordsSayWhere() {
        assertThat(fixture.text(fixture.newUser(), "subscribe", Option.string("keywords", "(ml OR ai")))
                .startsWith("**keywords**: ")
                .contains("position")
                .contains("\nExample: `keywords:");
    }

    @Test
    void aStartYearOutOfRangeIsRefused() {
        assertThat(fixture.text(fixture.newUser(), "subscribe", Option.integer("start_year", 1999)))
                .isEqualTo("**start_year**: 1999 is not a start year; use a year from 2000 to 2100\n"
                        + "Example: `start_year:2027`");
    }

    @Test
    void anUnknownLocationSuggestsTheNearestKnownOnes() {
        assertThat(fixture.text(fixture.newUser(), "subscribe", Option.string("location", "Seatle")))
                .startsWith("**location**: 'Seatle' is not a place Tern knows; did you mean Seattle")
                .endsWith("\nExample: `location:Seattle`");
    }

    @Test
    void aRemoteValueThatIsNotAChoiceIsRefused() {
        assertThat(fixture.text(fixture.newUser(), "subscribe", Option.string("remote", "sometimes")))
                .isEqualTo("**remote**: 'sometimes' is not one of only, exclude or any\nExample: `remote:only`");
    }

    @Test
    void theSameFilterAgainIsADuplicate() {
        String user = fixture.newUser();
        fixture.reply(user, "subscribe", Option.string("keywords", "ml intern"));
        long id = fixture.service.list(user).getFirst().id();

        assertThat(fixture.text(user, "subscribe", Option.string("keywords", " ml  intern ")))
                .isEqualTo("You already have this subscription (#" + id + ": keywords ml and intern), so nothing"
                        + " was added. /subscriptions lists yours.");
        assertThat(fixture.service.list(user)).hasSize(1);
    }

    @Test
    void theLimitPerUserSaysHowToMakeRoom() {
        String user = fixture.newUser();
        for (int i = 0; i < CommandFixture.LIMIT; i++) {
            fixture.reply(user, "subscribe", Option.string("keywords", "word" + i));
        }

        assertThat(fixture.text(user, "subscribe", Option.string("keywords", "more")))
                .isEqualTo("You have 3 subscriptions, the most allowed. Remove one with /subscriptions (its Remove"
                        + " button) or /unsubscribe, then subscribe again.");
    }

    @Test
    void aPausedUserIsToldTheSubscriptionStartsPaused() {
        String user = fixture.newUser();
        fixture.service.pause(user, null);

        assertThat(fixture.text(user, "subscribe", Option.string("company", "Acme")))
                .contains("1 open posting matches it now.")
                .endsWith("You are paused, so this subscription starts paused: run /resume to get its alerts.");
    }

    @Test
    void nothingMatchingNowIsSaidAndNoSamplesShown() {
        JsonNode reply = fixture.reply(fixture.newUser(), "subscribe", Option.string("keywords", "astronaut"));

        assertThat(reply.path("content").asText()).contains("No open posting matches it now.");
        assertThat(reply.path("embeds")).isEmpty();
    }

    @Test
    void autocompletesLocationsAndCompaniesFromWhatTernKnows() {
        String user = fixture.newUser();

        assertThat(fixture.choices(user, "subscribe", "location", "seat")).contains("Seattle=Seattle");
        assertThat(fixture.choices(user, "subscribe", "company", "str"))
                .containsExactly("Streamline=Streamline", "Stripe=Stripe");
        assertThat(fixture.choices(user, "subscribe", "keywords", "ml")).isEmpty();
    }

    @Test
    void aNoticeWaitingForTheUserFollowsTheirNextCommand() {
        String user = fixture.newUser();
        fixture.reply(user, "subscribe", Option.string("keywords", "ml"));
        long id = fixture.service.list(user).getFirst().id();
        fixture.service.pauseForClosedDms("discord:user/" + user, "Cannot send messages to this user");

        var reply = fixture.send(user, "subscribe", Option.string("keywords", "ai"));

        JsonNode notice = reply.awaitFollowUp(1, TIMEOUT);
        assertThat(notice.path("content").asText())
                .isEqualTo("Tern could not DM you (your DMs are closed), so subscription " + id
                        + " is paused; open your DMs and run /resume");
        assertThat(notice.path("flags").asInt() & CommandFixture.EPHEMERAL).isEqualTo(CommandFixture.EPHEMERAL);
        CommandFixture.assertNoMentions(notice);
        assertThat(fixture.service.takeNotice(user)).isEmpty();
    }
}

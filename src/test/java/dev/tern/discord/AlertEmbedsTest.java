package dev.tern.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Sponsorship;
import dev.tern.deliver.Alert;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

final class AlertEmbedsTest {

    @Test
    void showsTitleLinkCompanyPlacesTermTimeSourceAndWhatMatched() {
        MessageEmbed embed = AlertEmbeds.embed(alert(posting("Robotics Intern", 2), "7", null));

        assertThat(embed.getTitle()).isEqualTo("Robotics Intern");
        assertThat(embed.getUrl()).isEqualTo("https://jobs.example/acme/1");
        assertThat(embed.getAuthor().getName()).isEqualTo("Acme");
        assertThat(field(embed, "Location")).isEqualTo("Place 0, US; Place 1, US");
        assertThat(field(embed, "Start")).isEqualTo("Summer 2027");
        assertThat(field(embed, "Posted")).isEqualTo("<t:1795000000:R>");
        assertThat(field(embed, "Source")).isEqualTo("acme-board");
        assertThat(embed.getFooter().getText()).contains("subscription #7").contains("/unsubscribe id:7");
    }

    @Test
    void showsTheRolesKindDegreesAndSponsorshipWhenKnown() {
        Posting plain = posting("ML Intern", 1);
        Posting withFacts = new Posting(
                plain.key(),
                plain.sourceId(),
                plain.externalId(),
                plain.company(),
                plain.title(),
                plain.locations(),
                plain.remote(),
                plain.term(),
                plain.url(),
                plain.postedAt(),
                true,
                List.of(),
                true,
                plain.fingerprint(),
                Sponsorship.OFFERED,
                Set.of(Degree.MASTER, Degree.BACHELOR),
                Category.DATA_ML,
                null);

        assertThat(field(AlertEmbeds.embed(alert(withFacts, "1", null)), "Role"))
                .isEqualTo("Data/ML · Bachelor's, Master's · Sponsors visas");
        assertThat(AlertEmbeds.embed(alert(plain, "1", null)).getFields())
                .as("nothing known, no field")
                .noneMatch(f -> "Role".equals(f.getName()));
    }

    @Test
    void postingTextIsShownLiterallyNotAsMarkdown() {
        MessageEmbed embed = AlertEmbeds.embed(alert(posting("@everyone **Intern** <@123>", 1), null, "r"));

        assertThat(embed.getTitle()).isEqualTo("@everyone \\*\\*Intern\\*\\* <@123>");
        assertThat(embed.getFooter().getText()).contains("Route r");
    }

    @Test
    void longTextAndManyLocationsStayWithinDiscordsLimits() {
        MessageEmbed embed = AlertEmbeds.embed(alert(posting("x".repeat(1000), 50), "1", null));

        assertThat(embed.getTitle()).hasSize(MessageEmbed.TITLE_MAX_LENGTH).endsWith("…");
        assertThat(field(embed, "Location")).endsWith("+47 more");
        assertThat(embed.isSendable()).isTrue();
    }

    @Test
    void batchesUpToTenEmbedsPerMessageAndDigestsMoreThanTheDigestLimit() {
        DiscordNotifier notifier = new DiscordNotifier(null, 10);
        List<Alert> nine = alerts(9);
        List<Alert> ten = alerts(10);
        List<Alert> eleven = alerts(11);

        assertThat(notifier.messages(nine)).hasSize(1);
        assertThat(notifier.messages(ten)).singleElement().asList().hasSize(10);
        assertThat(notifier.messages(eleven)).singleElement().asList().hasSize(11);
        MessageCreateData digest = notifier.message(eleven);
        assertThat(digest.getEmbeds()).singleElement().satisfies(e -> {
            assertThat(e.getTitle()).isEqualTo("11 new postings match");
            assertThat(e.getDescription()).contains("[Intern 10](https://jobs.example/acme/1)");
        });
        assertThat(digest.getAllowedMentions()).isEmpty();
    }

    @Test
    void aMessageOfSeveralAlertsHasOneApplyButtonEachAndAllowsNoMentions() {
        MessageCreateData message = new DiscordNotifier(null, 10).message(alerts(7));

        assertThat(message.getEmbeds()).hasSize(7);
        assertThat(message.getComponents()).hasSize(2);
        assertThat(message.getAllowedMentions()).isEmpty();
    }

    @Test
    void embedsThatTogetherExceedSixThousandCharactersGoInSeveralMessages() {
        List<Alert> big = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            big.add(alert(posting("t".repeat(250) + i, 3, "p".repeat(300)), "1", null));
        }
        DiscordNotifier notifier = new DiscordNotifier(null, 10);

        List<List<Alert>> messages = notifier.messages(big);

        assertThat(messages.size()).isGreaterThan(1);
        for (List<Alert> batch : messages) {
            int length = batch.stream()
                    .mapToInt(a -> AlertEmbeds.embed(a).getLength())
                    .sum();
            assertThat(length).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        }
    }

    private static List<Alert> alerts(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> alert(posting("Intern " + i, 1), "1", null))
                .toList();
    }

    private static String field(MessageEmbed embed, String name) {
        return embed.getFields().stream()
                .filter(f -> name.equals(f.getName()))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static Alert alert(Posting posting, String subscription, String route) {
        return new Alert(1, "discord:user/1", route, subscription, posting);
    }

    private static Posting posting(String title, int places) {
        return posting(title, places, "Place ");
    }

    private static Posting posting(String title, int places, String placeName) {
        List<Location> locations = IntStream.range(0, places)
                .mapToObj(i -> new Location(placeName + i, placeName + i, null, "US", false))
                .toList();
        return new Posting(
                "acme-board:1",
                "acme-board",
                "1",
                "Acme",
                title,
                locations,
                false,
                new Term("Summer", 2027),
                "https://jobs.example/acme/1",
                Instant.ofEpochSecond(1_795_000_000L),
                true,
                List.of(),
                true,
                "url:https://jobs.example/acme/1");
    }
}

package dev.tern.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Sponsorship;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.MessagePlan;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import dev.tern.store.MessageLayout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

final class AlertEmbedsTest {

    private static final String TARGET = "discord:user/1";
    private static final Instant CLOSED = Instant.parse("2026-01-20T09:30:00Z");

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
        DiscordNotifier notifier = notifier();
        List<Alert> nine = alerts(9);
        List<Alert> ten = alerts(10);
        List<Alert> eleven = alerts(11);

        assertThat(notifier.plan(TARGET, nine)).singleElement().satisfies(p -> {
            assertThat(p.alerts()).hasSize(9);
            assertThat(p.layout()).isEqualTo(MessageLayout.ITEMS);
        });
        assertThat(notifier.plan(TARGET, ten)).singleElement().satisfies(p -> assertThat(p.alerts())
                .hasSize(10));
        MessagePlan digestPlan = notifier.plan(TARGET, eleven).getFirst();
        assertThat(notifier.plan(TARGET, eleven)).hasSize(1);
        assertThat(digestPlan.layout()).isEqualTo(MessageLayout.DIGEST);
        MessageCreateData digest = AlertMessages.create(message(digestPlan));
        assertThat(digest.getEmbeds()).singleElement().satisfies(e -> {
            assertThat(e.getTitle()).isEqualTo("11 new postings match");
            assertThat(e.getDescription()).contains("[Intern 10](https://jobs.example/acme/1)");
            assertThat(e.getFooter().getText()).endsWith(" · ref tern-test");
        });
        assertThat(digest.getAllowedMentions()).isEmpty();
    }

    @Test
    void aMessageOfSeveralAlertsHasOneApplyButtonEachAndAllowsNoMentions() {
        MessageCreateData message =
                AlertMessages.create(message(notifier().plan(TARGET, alerts(7)).getFirst()));

        assertThat(message.getEmbeds()).hasSize(7);
        assertThat(message.getEmbeds())
                .allSatisfy(e -> assertThat(e.getFooter().getText()).endsWith(" · ref tern-test"));
        assertThat(message.getComponents()).hasSize(2);
        assertThat(message.getAllowedMentions()).isEmpty();
    }

    @Test
    void embedsThatTogetherExceedSixThousandCharactersGoInSeveralMessagesWithRoomForAClosedEdit() {
        List<Alert> big = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            big.add(alert(posting("t".repeat(250) + i, 3, "p".repeat(300)), "1", null));
        }

        List<MessagePlan> plans = notifier().plan(TARGET, big);

        assertThat(plans.size()).isGreaterThan(1);
        for (MessagePlan plan : plans) {
            List<Alert> closed = plan.alerts().stream()
                    .map(a ->
                            new Alert(a.deliveryId(), a.target(), a.routeId(), a.subscriptionId(), a.posting(), CLOSED))
                    .toList();
            AlertMessage edited =
                    new AlertMessage(1, TARGET, "tern-" + "k".repeat(13), plan.layout(), closed, null, null);
            int length = AlertMessages.create(edited).getEmbeds().stream()
                    .mapToInt(MessageEmbed::getLength)
                    .sum();
            assertThat(length).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        }
    }

    @Test
    void aClosedPostingAloneIsGreySaysClosedInItsTitleAndFooterAndLosesItsApplyButton() {
        Alert closed = closed(alert(posting("Robotics Intern", 1), "7", null));

        MessageCreateData message = AlertMessages.create(
                new AlertMessage(1, TARGET, "tern-k", MessageLayout.ITEMS, List.of(closed), null, null));

        MessageEmbed embed = message.getEmbeds().getFirst();
        assertThat(embed.getTitle()).isEqualTo("Closed: Robotics Intern");
        assertThat(embed.getColorRaw()).isEqualTo(0x99AAB5);
        assertThat(embed.getFooter().getText())
                .startsWith("Closed 20 Jan 2026, 09:30 UTC. Your subscription #7 matched.")
                .endsWith(" · ref tern-k");
        assertThat(message.getComponents()).isEmpty();
        assertThat(AlertEmbeds.applyButton(closed, false)).isEmpty();
    }

    @Test
    void amongSeveralOnlyTheClosedPostingIsStruckThroughAndInADigestOnlyItsLine() {
        List<Alert> three = new ArrayList<>(alerts(3));
        three.set(1, closed(three.get(1)));

        MessageCreateData batch =
                AlertMessages.create(new AlertMessage(1, TARGET, "tern-k", MessageLayout.ITEMS, three, null, null));
        MessageCreateData digest =
                AlertMessages.create(new AlertMessage(1, TARGET, "tern-k", MessageLayout.DIGEST, three, null, null));

        assertThat(batch.getEmbeds())
                .extracting(MessageEmbed::getTitle)
                .containsExactly("Intern 0", "Closed: ~~Intern 1~~", "Intern 2");
        assertThat(batch.getComponents().getFirst().asActionRow().getButtons()).hasSize(2);
        assertThat(digest.getEmbeds().getFirst().getDescription().lines())
                .containsExactly(
                        "• **Acme** — [Intern 0](https://jobs.example/acme/1) · Place 0, US",
                        "• ~~**Acme** — [Intern 1](https://jobs.example/acme/1) · Place 0, US~~ (closed)",
                        "• **Acme** — [Intern 2](https://jobs.example/acme/1) · Place 0, US");
    }

    @Test
    void theMarkerSurvivesAFooterCutToDiscordsLimit() {
        Alert routed = alert(posting("Intern", 1), null, "r".repeat(3000));

        MessageEmbed embed = AlertEmbeds.embed(routed, false, "tern-marker");

        assertThat(embed.getFooter().getText()).hasSize(AlertEmbeds.FOOTER_MAX).endsWith(" · ref tern-marker");
        assertThat(AlertEmbeds.hasMarker(embed.getFooter().getText(), "tern-marker"))
                .isTrue();
        assertThat(AlertEmbeds.hasMarker(embed.getFooter().getText(), "tern-other"))
                .isFalse();
    }

    private static Alert closed(Alert alert) {
        return new Alert(
                alert.deliveryId(), alert.target(), alert.routeId(), alert.subscriptionId(), alert.posting(), CLOSED);
    }

    private static DiscordNotifier notifier() {
        return new DiscordNotifier(null, 10, Clock.systemUTC());
    }

    private static AlertMessage message(MessagePlan plan) {
        return new AlertMessage(1, TARGET, "tern-test", plan.layout(), plan.alerts(), null, null);
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
                "url:https://jobs.example/acme/1",
                null,
                Set.of(),
                null,
                null);
    }
}

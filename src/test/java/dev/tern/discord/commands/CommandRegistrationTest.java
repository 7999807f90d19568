package dev.tern.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command definitions exactly as the real JDA registers them in the fake guild. */
final class CommandRegistrationTest {

    private static final List<String> FILTER_OPTIONS =
            List.of("keywords", "location", "start_year", "company", "remote", "sponsorship", "degree", "category");
    private static final int GUILD_ONLY = 0;
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
    void registersEveryCommandInTheGuildForGuildUseOnly() {
        List<String> names =
                each(fixture.discord.registeredCommands(), c -> c.path("name").asText());

        assertThat(names)
                .containsExactly("subscribe", "subscriptions", "unsubscribe", "postings", "pause", "resume", "tern");
        fixture.discord.registeredCommands().forEach(command -> {
            assertThat(command.path("type").asInt()).isEqualTo(1);
            assertThat(command.path("description").asText()).isNotBlank();
            assertThat(each(command.path("contexts"), JsonNode::asInt)).containsExactly(GUILD_ONLY);
        });
    }

    @Test
    void subscribeHasTheFilterOptionsAndDeliver() {
        JsonNode options = fixture.registered("subscribe").path("options");

        assertThat(each(options, o -> o.path("name").asText()))
                .containsExactly(
                        "keywords",
                        "location",
                        "start_year",
                        "company",
                        "remote",
                        "sponsorship",
                        "degree",
                        "category",
                        "deliver");
        assertThat(each(options, o -> o.path("type").asInt()))
                .containsExactly(
                        Option.STRING,
                        Option.STRING,
                        Option.INTEGER,
                        Option.STRING,
                        Option.STRING,
                        Option.STRING,
                        Option.STRING,
                        Option.STRING,
                        Option.STRING);
        assertThat(each(options, o -> o.path("required").asBoolean())).containsOnly(false);
        assertThat(each(options, o -> o.path("autocomplete").asBoolean()))
                .containsExactly(false, true, false, true, false, false, false, false, false);
        assertThat(options.get(0).path("max_length").asInt()).isEqualTo(200);
        assertThat(options.get(2).path("min_value").asInt()).isEqualTo(2000);
        assertThat(options.get(2).path("max_value").asInt()).isEqualTo(2100);
        assertThat(each(options.get(4).path("choices"), c -> c.path("value").asText()))
                .containsExactly("only", "exclude", "any");
        assertThat(each(options.get(5).path("choices"), c -> c.path("value").asText()))
                .containsExactly("needs", "offered", "not-citizens-only", "any");
        assertThat(each(options.get(5).path("choices"), c -> c.path("name").asText()))
                .first()
                .isEqualTo("needs sponsorship (offered or not stated)");
        assertThat(each(options.get(6).path("choices"), c -> c.path("value").asText()))
                .containsExactly("bachelor", "master", "phd");
        assertThat(each(options.get(7).path("choices"), c -> c.path("value").asText()))
                .containsExactly("software", "data-ml", "quant", "hardware", "product", "design", "business", "other");
        assertThat(each(options.get(8).path("choices"), c -> c.path("value").asText()))
                .containsExactly("dm", "here");
        assertThat(fixture.registered("subscribe")
                        .path("default_member_permissions")
                        .isNull())
                .isTrue();
    }

    @Test
    void postingsHasTheSameFilterOptionsWithoutDeliver() {
        JsonNode options = fixture.registered("postings").path("options");

        assertThat(each(options, o -> o.path("name").asText())).isEqualTo(FILTER_OPTIONS);
        JsonNode subscribe = fixture.registered("subscribe").path("options");
        for (int i = 0; i < FILTER_OPTIONS.size(); i++) {
            assertThat(options.get(i)).isEqualTo(subscribe.get(i));
        }
    }

    @Test
    void unsubscribeNeedsAnIdOfferedAsTheUserTypes() {
        JsonNode id = fixture.registered("unsubscribe").path("options").get(0);

        assertThat(id.path("name").asText()).isEqualTo("id");
        assertThat(id.path("type").asInt()).isEqualTo(Option.STRING);
        assertThat(id.path("required").asBoolean()).isTrue();
        assertThat(id.path("autocomplete").asBoolean()).isTrue();
    }

    @Test
    void pauseTakesAnOptionalDurationAndResumeNothing() {
        JsonNode duration = fixture.registered("pause").path("options").get(0);

        assertThat(duration.path("name").asText()).isEqualTo("duration");
        assertThat(duration.path("type").asInt()).isEqualTo(Option.STRING);
        assertThat(duration.path("required").asBoolean()).isFalse();
        assertThat(fixture.registered("resume").path("options")).isEmpty();
        assertThat(fixture.registered("subscriptions").path("options")).isEmpty();
    }

    @Test
    void ternIsForServerManagersWithStatusPollAndAcceptOfASource() {
        JsonNode tern = fixture.registered("tern");
        JsonNode subcommands = tern.path("options");

        assertThat(tern.path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(each(
                        subcommands,
                        o -> o.path("name").asText() + ":" + o.path("type").asInt()))
                .containsExactly(
                        "status:" + Option.SUB_COMMAND, "poll:" + Option.SUB_COMMAND, "accept:" + Option.SUB_COMMAND);
        for (int withSource : new int[] {1, 2}) {
            JsonNode source = subcommands.get(withSource).path("options").get(0);
            assertThat(source.path("name").asText()).isEqualTo("source");
            assertThat(source.path("type").asInt()).isEqualTo(Option.STRING);
            assertThat(source.path("required").asBoolean()).isTrue();
            assertThat(source.path("autocomplete").asBoolean()).isTrue();
        }
    }

    private static <T> List<T> each(JsonNode array, Function<JsonNode, T> value) {
        List<T> values = new ArrayList<>();
        array.forEach(node -> values.add(value.apply(node)));
        return values;
    }
}

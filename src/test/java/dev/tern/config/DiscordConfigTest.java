package dev.tern.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DiscordConfigTest {

    private static final String TOKEN = "MTIzNDU2Nzg5.bot-token.value";

    private final ConfigLoader loader =
            new ConfigLoader(TestSourceTypes.all(), KeywordCheck.acceptAll(), Map.of("DISCORD_TOKEN", TOKEN)::get);

    @Test
    void missingSectionMeansNoBot() throws ConfigException {
        DiscordConfig discord = loader.parse("routes: []\n", "tern.yml").discord();

        assertThat(discord).isEqualTo(DiscordConfig.disabled());
        assertThat(discord.enabled()).isFalse();
    }

    @Test
    void emptyTokenLeavesTheBotOffButKeepsTheLimits() throws ConfigException {
        DiscordConfig discord = loader.parse(
                        "discord:\n  token: ${UNSET_TOKEN:-}\n  maxSubscriptionsPerUser: 5\n", "tern.yml")
                .discord();

        assertThat(discord.enabled()).isFalse();
        assertThat(discord.maxSubscriptionsPerUser()).isEqualTo(5);
    }

    @Test
    void readsEveryKey() throws ConfigException {
        String yaml = """
                discord:
                  token: ${DISCORD_TOKEN}
                  guilds: [123456789012345678, '234567890123456789']
                  restBaseUrl: http://127.0.0.1:8080/api/v10/
                  gatewayUrl: ws://127.0.0.1:8081
                  maxSubscriptionsPerUser: 40
                  digest: 5
                """;

        DiscordConfig discord = loader.parse(yaml, "tern.yml").discord();

        assertThat(discord)
                .isEqualTo(new DiscordConfig(
                        TOKEN,
                        List.of("123456789012345678", "234567890123456789"),
                        "http://127.0.0.1:8080/api/v10/",
                        "ws://127.0.0.1:8081",
                        40,
                        5));
        assertThat(discord.enabled()).isTrue();
        assertThat(discord.toString()).doesNotContain(TOKEN).contains("token=***");
    }

    @Test
    void defaultsApplyWhenOnlyTheTokenIsSet() throws ConfigException {
        DiscordConfig discord =
                loader.parse("discord: { token: abcdefgh }\n", "tern.yml").discord();

        assertThat(discord.guilds()).isEmpty();
        assertThat(discord.restBaseUrl()).isNull();
        assertThat(discord.gatewayUrl()).isNull();
        assertThat(discord.maxSubscriptionsPerUser()).isEqualTo(DiscordConfig.DEFAULT_MAX_SUBSCRIPTIONS_PER_USER);
        assertThat(discord.digest()).isEqualTo(DiscordConfig.DEFAULT_DIGEST);
    }

    @Test
    void badValuesNamePathAndLine() {
        String yaml = """
                discord:
                  token: ${DISCORD_TOKEN}
                  guilds: [123, my-server]
                  restBaseUrl: ftp://proxy.example/
                  gatewayUrl: https://gateway.example
                  maxSubscriptionsPerUser: 0
                  digest: 51
                  prefix: '!'
                  adminChannel: "#admins"
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "discord.guilds[1]: guild id 'my-server' must be a number such as 123456789012345678"
                                + " (in Discord: right-click the server, Copy Server ID) (line 3)",
                        "discord.restBaseUrl: must be a http or https URL such as https://discord.example/api/ (line 4)",
                        "discord.gatewayUrl: must be a ws or wss URL such as wss://gateway.example (line 5)",
                        "discord.maxSubscriptionsPerUser: maxSubscriptionsPerUser 0 is out of range 1..100 (line 6)",
                        "discord.digest: digest 51 is out of range 1..50 (line 7)",
                        "discord.prefix: unknown key 'prefix'; expected one of: token, guilds, restBaseUrl, gatewayUrl,"
                                + " maxSubscriptionsPerUser, digest, adminChannel (line 8)",
                        "discord.adminChannel: channel id '#admins' must be a number such as 123456789012345678 (in"
                                + " Discord: right-click the channel, Copy Channel ID) (line 9)");
    }

    @Test
    void anAdminChannelNeedsTheBot() throws ConfigException {
        assertThat(problems("discord: { adminChannel: '123456789012345678' }\n"))
                .containsExactly(
                        "discord.adminChannel: needs discord.token: admin notices are posted by the bot (line 1)");
        assertThat(loader.parse("discord: { token: abcdefgh, adminChannel: '42' }\n", "tern.yml")
                        .discord()
                        .adminChannel())
                .isEqualTo("42");
    }

    @Test
    void tokenNeverAppearsInAnyMessage() {
        String yaml = """
                discord:
                  token: 'abc def-secret-token'
                  guilds: x
                """;

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "tern.yml"));

        assertThat(e.getMessage())
                .doesNotContain("abc def-secret-token")
                .contains("discord.token: the token contains spaces; paste the bot token exactly, or use"
                        + " ${DISCORD_TOKEN} (line 2)");
    }

    @Test
    void unsetTokenVariableIsReportedWithoutAValue() {
        assertThat(problems("discord:\n  token: ${MISSING_DISCORD_TOKEN}\n"))
                .containsExactly("discord.token: environment variable MISSING_DISCORD_TOKEN is not set; set it, or"
                        + " give a default: ${MISSING_DISCORD_TOKEN:-value} (line 2)");
    }

    @Test
    void discordChannelRoutesNeedTheBot() {
        String yaml = """
                routes:
                  - { id: jobs, to: 'discord:channel/123456789012345678' }
                """;

        assertThat(problems(yaml))
                .containsExactly("routes[0].to: route jobs sends to Discord but discord.token is not set; set it"
                        + " (token: ${DISCORD_TOKEN}) or send this route to console (line 2)");
    }

    @Test
    void discordChannelRoutesLoadWithATokenAndOtherDiscordTargetsAreRefused() throws ConfigException {
        String good = "discord: { token: '${DISCORD_TOKEN}' }\n"
                + "routes:\n  - { id: jobs, to: 'discord:channel/123456789012345678' }\n";
        assertThat(loader.parse(good, "tern.yml").routes().getFirst().to())
                .isEqualTo("discord:channel/123456789012345678");

        String bad = "discord: { token: '${DISCORD_TOKEN}' }\nroutes:\n  - { id: dm, to: 'discord:user/42' }\n"
                + "  - { id: named, to: 'discord:channel/general' }\n";
        assertThat(problems(bad))
                .containsExactly(
                        "routes[0].to: a route cannot send to one user's DMs ('discord:user/42'); users subscribe"
                                + " with /subscribe. Use discord:channel/<channel id> (line 3)",
                        "routes[1].to: Discord target 'discord:channel/general' must be discord:channel/<channel id>,"
                                + " e.g. discord:channel/123456789012345678 (in Discord: right-click the channel, Copy"
                                + " Channel ID) (line 4)");
    }

    private List<String> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "tern.yml"));
        assertThat(e).as("expected problems in:%n%s", yaml).isNotNull();
        return e.problems().stream().map(ConfigProblem::format).toList();
    }
}

package dev.tern.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TargetTest {

    @Test
    void parsesEachKindAndGivesBackItsKey() {
        assertThat(Target.parse("console")).isEqualTo(new Target.Console());
        assertThat(Target.parse(" discord:channel/123 ")).isEqualTo(new Target.DiscordChannel("123"));
        assertThat(Target.parse("discord:user/42")).isEqualTo(new Target.DiscordUser("42"));
        assertThat(Target.parse("discord:user/42").key()).isEqualTo("discord:user/42");
        assertThat(Target.parse("discord:channel/123").kind()).isEqualTo("discord_channel");
    }

    @Test
    void anAdminsDiscordTargetNeedsARealId() {
        assertThat(Target.parseStrict("discord:channel/123456789012345678"))
                .isEqualTo(new Target.DiscordChannel("123456789012345678"));
        assertThatThrownBy(() -> Target.parseStrict("discord:channel/general")).hasMessageContaining("Copy Channel ID");
    }

    @Test
    void anUnknownTargetIsNamedWithoutWhatMayBeASecret() {
        assertThatThrownBy(() -> Target.parse("slack:T000/B000/very-secret"))
                .hasMessageStartingWith("target 'slack:...' must be a Slack incoming webhook URL")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Target.parse("https://hooks.example/services/abc/secret"))
                .hasMessageContaining("https://hooks.example/...")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Target.parse("sms:+15550100"))
                .hasMessageStartingWith("unknown target 'sms:...'")
                .hasMessageNotContaining("5550100");
        assertThatThrownBy(() -> Target.parse("discord:thread/1")).hasMessageContaining("discord:channel/<channel id>");
    }

    @Test
    void everyUrlInATextIsCutToSchemeAndHost() {
        String text = "Data conversion error converting \"slack:https://hooks.slack.com/services/T1/B2/s3cr3t\";"
                + " see (https://user:pw@relay.example/x?token=abc) or http://127.0.0.1:8080";

        assertThat(Target.hideUrls(text))
                .isEqualTo("Data conversion error converting \"slack:https://hooks.slack.com/...\";"
                        + " see (https://relay.example/...) or http://127.0.0.1:8080");
        assertThat(Target.hideUrls("no url here: discord:channel/1")).isEqualTo("no url here: discord:channel/1");
    }

    @Test
    void webhookTargetsKeepTheirUrlAsKeyAndHideItWhenShown() {
        String slack = "slack:https://hooks.slack.com/services/T0001/B0002/s3cr3tT0ken";
        Target parsed = Target.parse(slack);

        assertThat(parsed).isInstanceOf(Target.SlackWebhook.class);
        assertThat(parsed.key()).isEqualTo(slack);
        assertThat(Target.parse(parsed.key())).isEqualTo(parsed);
        assertThat(parsed.display()).isEqualTo("slack:https://hooks.slack.com/...");
        assertThat(parsed.kind()).isEqualTo("slack");
        assertThat(parsed.needsBot()).isFalse();
        assertThat(Target.displayOf("discord-webhook:https://discord.com/api/webhooks/1/t0ken"))
                .isEqualTo("discord-webhook:https://discord.com/...");
        assertThat(Target.displayOf("webhook:https://user:pw@relay.example?token=abc"))
                .isEqualTo("webhook:https://relay.example/...");
        assertThat(Target.displayOf("webhook:http://127.0.0.1:8080/hook"))
                .isEqualTo("webhook:http://127.0.0.1:8080/...");
        assertThat(Target.displayOf("discord:channel/123")).isEqualTo("discord:channel/123");
        assertThat(Target.parse("discord:channel/123").needsBot()).isTrue();
    }

    @Test
    void plainHttpIsAllowedOnlyToThisMachine() {
        assertThat(Target.parse("webhook:http://127.0.0.1:9/x")).isInstanceOf(Target.JsonWebhook.class);
        assertThat(Target.parse("webhook:http://[::1]:9/x")).isInstanceOf(Target.JsonWebhook.class);
        assertThat(Target.parse("discord-webhook:http://localhost/x")).isInstanceOf(Target.DiscordWebhook.class);
        assertThatThrownBy(() -> Target.parse("webhook:http://relay.example/x")).hasMessageContaining("must use https");
        assertThatThrownBy(() -> Target.parse("webhook:http://10.0.0.1/x")).hasMessageContaining("must use https");
    }
}

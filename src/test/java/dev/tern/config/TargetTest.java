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
                .hasMessage("unknown target 'slack:...'; use console or discord:channel/<id>")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Target.parse("https://hooks.example/services/abc/secret"))
                .hasMessageContaining("https://hooks.example/...")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Target.parse("discord:thread/1")).hasMessageContaining("discord:channel/<channel id>");
    }
}

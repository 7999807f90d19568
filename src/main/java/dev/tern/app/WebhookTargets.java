package dev.tern.app;

import dev.tern.config.RouteConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.Notifier;
import dev.tern.deliver.webhook.JsonWebhookNotifier;
import dev.tern.deliver.webhook.SlackNotifier;
import dev.tern.deliver.webhook.WebhookClient;
import dev.tern.discord.DiscordWebhookNotifier;
import dev.tern.source.Http;
import dev.tern.source.Sleeper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifiers that need no bot (Slack, Discord and JSON webhooks), built for every process that delivers: they
 * send through the process's one {@link Http} client, and a {@code webhook:} target signs with its route's secret.
 */
final class WebhookTargets {

    private WebhookTargets() {}

    static List<Notifier> notifiers(TernConfig config, Http http) {
        WebhookClient client = new WebhookClient(http, Sleeper.SYSTEM);
        int digest = config.discord().digest();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (RouteConfig route : config.routes()) {
            if (route.secret() != null) {
                secrets.putIfAbsent(route.to(), route.secret());
            }
        }
        return List.of(
                new SlackNotifier(client, digest),
                new DiscordWebhookNotifier(client, digest),
                new JsonWebhookNotifier(client, secrets));
    }
}

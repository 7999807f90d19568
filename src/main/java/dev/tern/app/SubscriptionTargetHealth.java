package dev.tern.app;

import dev.tern.config.RouteConfig;
import dev.tern.config.Target;
import dev.tern.deliver.TargetHealth;
import dev.tern.match.SubscriptionService;
import dev.tern.store.AdminNotice.Kind;
import dev.tern.store.Database;
import dev.tern.store.NoticeStore;
import dev.tern.store.TargetStore;
import java.time.Clock;
import java.util.List;

/**
 * Connects the delivery stage's permanent failures to subscriptions: a gone target is marked broken, closed DMs
 * pause the user's DM subscriptions. The delivery stage cannot call the match stage itself, so the wiring does.
 * The admins hear of a broken target, and of closed DMs that paused more than {@link #MANY_PAUSED} subscriptions.
 */
final class SubscriptionTargetHealth implements TargetHealth {

    /** Closed DMs pausing more subscriptions than this at once are worth an admin's look. */
    static final int MANY_PAUSED = 10;

    private final SubscriptionService subscriptions;
    private final List<RouteConfig> routes;
    private final Database database;
    private final NoticeStore notices;
    private final Clock clock;

    SubscriptionTargetHealth(
            SubscriptionService subscriptions,
            List<RouteConfig> routes,
            Database database,
            NoticeStore notices,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.routes = List.copyOf(routes);
        this.database = database;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Marks the target broken; the admins are told once, when it breaks: every message already queued for it fails
     * the same way in the next drains, and each would otherwise write the same notice again.
     */
    @Override
    public void targetGone(String target, String reason) {
        boolean already = database.read(c -> new TargetStore().targets(c).contains(target));
        List<Long> broken = subscriptions.markTargetBroken(target, reason);
        if (already) {
            return;
        }
        List<String> routeIds = routes.stream()
                .filter(route -> route.to().equals(target))
                .map(RouteConfig::id)
                .toList();
        notice(
                Kind.TARGET_BROKEN,
                Target.displayOf(target),
                ("%s is broken: %s. Nothing more is queued for it (routes: %s; subscriptions marked broken: %d). %s,"
                                + " then restart Tern: routes are tried again at start.")
                        .formatted(
                                Target.displayOf(target),
                                reason,
                                routeIds.isEmpty() ? "none" : String.join(", ", routeIds),
                                broken.size(),
                                fix(target)));
    }

    /** What an admin does about a broken target of this kind. */
    private static String fix(String target) {
        Target parsed;
        try {
            parsed = Target.parse(target);
        } catch (IllegalArgumentException e) {
            return "Fix the route's target";
        }
        return switch (parsed) {
            case Target.SlackWebhook slack ->
                "Make a new incoming webhook for the channel in the Slack app (or unarchive the channel) and put its"
                        + " URL in the route";
            case Target.DiscordWebhook webhook ->
                "Make a new webhook in the channel's settings (Integrations > Webhooks) and put its URL in the route";
            case Target.JsonWebhook webhook -> "Fix the endpoint, or the route's URL or secret";
            case Target.Console console -> "Fix the route's target";
            case Target.DiscordChannel channel ->
                "Fix the channel or the bot's permissions there (View Channel, Send Messages, Embed Links)";
            case Target.DiscordUser user -> "Fix the user's target";
        };
    }

    @Override
    public void recipientClosed(String target, String reason) {
        List<Long> paused = subscriptions.pauseForClosedDms(target, reason);
        if (paused.size() > MANY_PAUSED) {
            notice(
                    Kind.RECIPIENT_CLOSED,
                    target,
                    "%s refuses DMs (%s): %d of their subscriptions were paused; they are told at their next command."
                            .formatted(target, reason, paused.size()));
        }
    }

    private void notice(Kind kind, String target, String message) {
        database.transaction(c -> {
            notices.add(c, kind, null, target, message, clock.instant());
            return null;
        });
    }
}

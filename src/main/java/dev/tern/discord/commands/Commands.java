package dev.tern.discord.commands;

import java.util.List;

/** Every slash command Tern offers, built in one place. */
public final class Commands {

    private Commands() {}

    /** The id of an Accept button for the held poll of {@code sourceId}, as an admin notice carries it. */
    public static String acceptButtonId(String sourceId) {
        return TernCommand.NAME + ":" + TernCommand.ACCEPT + ":" + sourceId;
    }

    /** The commands, in the order they are registered. */
    public static List<SlashCommand> all(CommandContext context) {
        return List.of(
                new SubscribeCommand(context.subscriptions()),
                new SubscriptionsCommand(context.subscriptions()),
                new UnsubscribeCommand(context.subscriptions()),
                new PostingsCommand(context.subscriptions()),
                new PauseCommand(context.subscriptions()),
                new ResumeCommand(context.subscriptions()),
                new TernCommand(context));
    }
}

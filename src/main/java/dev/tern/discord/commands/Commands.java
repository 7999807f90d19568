package dev.tern.discord.commands;

import java.util.List;

/** Every slash command Tern offers, built in one place. */
public final class Commands {

    private Commands() {}

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

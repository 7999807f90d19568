package dev.tern.discord.commands;

import java.util.List;

/** Every slash command Tern offers, built in one place. */
public final class Commands {

    private Commands() {}

    /**
     * The id of an Accept button for one hold ({@code holdId}, see {@code SourceStates.holdId}) of the source, as an
     * admin notice carries it, so that an old notice's button cannot accept a later hold. A source id too long for
     * Discord's 100-character limit is replaced by a hash the button handler looks up among the configured sources.
     */
    public static String acceptButtonId(String sourceId, String holdId) {
        return AcceptButton.id(sourceId, holdId);
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

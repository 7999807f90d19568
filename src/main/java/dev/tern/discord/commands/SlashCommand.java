package dev.tern.discord.commands;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One slash command: its definition (name, options, default permissions) and its handlers. Buttons a command
 * sends carry custom ids starting with {@code <name>:}, so they come back to the same command.
 */
public interface SlashCommand {

    /** The command as registered with Discord. */
    SlashCommandData data();

    /** Handles one invocation; must acknowledge it (reply or defer). */
    void onSlashCommand(SlashCommandInteractionEvent event);

    /** Offers choices for the focused option; nothing by default. */
    default void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices().queue();
    }

    /**
     * Handles a click on a button this command sent.
     *
     * @param args the custom id after {@code <name>:}, split on ':'
     */
    default void onButton(ButtonInteractionEvent event, String[] args) {
        Replies.text(event, "That button no longer does anything.");
    }

    /** A button custom id that routes back to this command. */
    default String buttonId(String... args) {
        return data().getName() + ":" + String.join(":", args);
    }
}

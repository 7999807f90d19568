package dev.tern.discord.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each interaction to the command it belongs to, turns a handler's failure into an ephemeral apology (and
 * an error in the log) instead of a silent "interaction failed", and passes on pending notices for the user.
 */
public final class CommandRouter extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
    private static final String FAILED =
            "Something went wrong on Tern's side; the admins can see it in the log. Please try again.";

    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
    private final Function<String, Optional<String>> notices;

    /**
     * @param commands every command
     * @param notices takes the pending notice of a user (told once, after their next command), if any
     */
    public CommandRouter(List<SlashCommand> commands, Function<String, Optional<String>> notices) {
        commands.forEach(c -> this.commands.put(c.data().getName(), c));
        this.notices = notices;
    }

    /** The definitions to register with Discord. */
    public List<CommandData> definitions() {
        return commands.values().stream().map(c -> (CommandData) c.data()).toList();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        if (command == null) {
            Replies.text(event, "Tern does not know /" + event.getName() + " any more.");
            return;
        }
        // Taken before the command answers, so a notice recorded after this point waits for the next command.
        Optional<String> notice = notices.apply(event.getUser().getId());
        try {
            command.onSlashCommand(event);
        } catch (RuntimeException e) {
            log.error("/{} failed for user {}", event.getName(), event.getUser().getId(), e);
            apologise(event);
        }
        notice.ifPresent(text -> event.getHook()
                .sendMessage(ReplyBody.text(text).create())
                .setEphemeral(true)
                .queue());
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = commands.get(event.getName());
        try {
            if (command != null) {
                command.onAutocomplete(event);
            }
        } catch (RuntimeException e) {
            log.error("Autocomplete of /{} failed", event.getName(), e);
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        SlashCommand command = commands.get(parts[0]);
        if (command == null) {
            Replies.text(event, "That button no longer does anything.");
            return;
        }
        String[] args = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        try {
            command.onButton(event, args);
        } catch (RuntimeException e) {
            log.error(
                    "Button {} failed for user {}",
                    event.getComponentId(),
                    event.getUser().getId(),
                    e);
            apologise(event);
        }
    }

    private static void apologise(IReplyCallback event) {
        if (event.isAcknowledged()) {
            event.getHook()
                    .sendMessage(ReplyBody.text(FAILED).create())
                    .setEphemeral(true)
                    .queue();
        } else {
            Replies.text(event, FAILED);
        }
    }
}

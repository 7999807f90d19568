package dev.tern.discord.commands;

import dev.tern.discord.DiscordText;
import dev.tern.match.SubscriptionService;
import dev.tern.match.UserSubscription;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * {@code /subscriptions}: lists the user's subscriptions (what, where, paused or broken), each with a Remove
 * button that removes it and updates the list.
 */
final class SubscriptionsCommand implements SlashCommand {

    static final String NAME = "subscriptions";
    static final String REMOVE = "remove";

    /** Five rows of five buttons. */
    static final int MAX_BUTTONS = 25;

    private static final int COLOR = 0x2F80ED;
    private static final int LINE_MAX = 100;
    private static final String NONE = "You have no subscriptions. Make one with `/subscribe keywords:software intern`"
            + " (or with location, start_year, company or remote).";

    private final SubscriptionService subscriptions;
    private final SlashCommandData data;

    SubscriptionsCommand(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.data = Commands.slash(NAME, "List your subscriptions and remove the ones you no longer want")
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        handleList(event);
    }

    @Override
    public void onButton(ButtonInteractionEvent event, String[] args) {
        if (args.length == 2 && REMOVE.equals(args[0]) && args[1].matches("\\d{1,18}")) {
            handleRemove(event, Long.parseLong(args[1]));
        } else {
            Replies.text(event, "That button no longer does anything; run /subscriptions again.");
        }
    }

    private void handleList(SlashCommandInteractionEvent event) {
        Replies.send(event, listing(subscriptions.list(event.getUser().getId()), ""));
    }

    private void handleRemove(ButtonInteractionEvent event, long id) {
        String userId = event.getUser().getId();
        if (!subscriptions.remove(userId, id)) {
            Replies.text(
                    event,
                    "Subscription #" + id + " is not one of yours, or is already removed. Run /subscriptions to"
                            + " see your current list.");
            return;
        }
        Replies.update(event, listing(subscriptions.list(userId), "Removed subscription #" + id + "."));
    }

    private ReplyBody listing(List<UserSubscription> own, String note) {
        if (own.isEmpty()) {
            return ReplyBody.text(note.isEmpty() ? NONE : note + "\n" + NONE);
        }
        List<UserSubscription> shown = own.subList(0, Math.min(MAX_BUTTONS, own.size()));
        StringBuilder lines = new StringBuilder();
        shown.forEach(s -> lines.append(line(s)).append('\n'));
        String footer = own.size() > shown.size()
                ? "Showing " + shown.size() + " of " + own.size() + "; remove the others with /unsubscribe."
                : "Remove one with its button, or with /unsubscribe.";
        MessageEmbed embed = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle("Your subscriptions (" + own.size() + ")")
                .setDescription(DiscordText.cut(lines.toString().strip(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setFooter(footer)
                .build();
        List<Button> buttons = shown.stream()
                .map(s -> Button.danger(buttonId(REMOVE, String.valueOf(s.id())), "Remove #" + s.id()))
                .toList();
        return new ReplyBody(note, List.of(embed), ActionRow.partitionOf(buttons));
    }

    private static String line(UserSubscription s) {
        String state = "";
        if (s.broken()) {
            state = " · **broken**: Tern cannot post there any more";
        } else if (s.pausedUntil() != null) {
            state = s.pausedUntil().equals(SubscriptionService.INDEFINITELY)
                    ? " · paused until /resume"
                    : " · paused until " + TimeFormat.DATE_TIME_SHORT.format(s.pausedUntil());
        }
        return "**#" + s.id() + "** " + DiscordText.literal(s.description(), LINE_MAX) + " — "
                + Replies.where(s.target()) + state;
    }
}

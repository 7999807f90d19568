package dev.tern.discord.commands;

import dev.tern.discord.DiscordText;
import dev.tern.match.SubscriptionService;
import dev.tern.match.UserSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /unsubscribe id:}: removes one of the user's subscriptions (offered as they type), or all of them. */
final class UnsubscribeCommand implements SlashCommand {

    static final String NAME = "unsubscribe";
    static final String ID = "id";
    static final String ALL = "all";

    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("#?(\\d{1,18})");
    private static final String ALL_CHOICE = "all: remove every subscription of yours";
    private static final int ID_MAX = 30;

    private final SubscriptionService subscriptions;
    private final SlashCommandData data;

    UnsubscribeCommand(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.data = Commands.slash(NAME, "Stop one of your subscriptions, or all of them")
                .addOptions(new OptionData(OptionType.STRING, ID, "The subscription (pick from the list), or all", true)
                        .setAutoComplete(true))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        handleUnsubscribe(event);
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
        List<Command.Choice> choices = new ArrayList<>();
        if (ALL_CHOICE.contains(typed)) {
            choices.add(new Command.Choice(ALL_CHOICE, ALL));
        }
        for (UserSubscription s : subscriptions.list(event.getUser().getId())) {
            String name = "#" + s.id() + " " + s.description();
            if (choices.size() < OptionData.MAX_CHOICES
                    && name.toLowerCase(Locale.ROOT).contains(typed)) {
                choices.add(new Command.Choice(
                        DiscordText.cut(name, OptionData.MAX_CHOICE_NAME_LENGTH), String.valueOf(s.id())));
            }
        }
        event.replyChoices(choices).queue();
    }

    private void handleUnsubscribe(SlashCommandInteractionEvent event) {
        String value = event.getOption(ID, "", OptionMapping::getAsString).strip();
        String userId = event.getUser().getId();
        if (ALL.equalsIgnoreCase(value)) {
            int removed = subscriptions.removeAll(userId);
            Replies.text(
                    event,
                    removed == 0
                            ? "You had no subscriptions, so there was nothing to remove."
                            : "Removed all " + removed + " of your subscriptions.");
            return;
        }
        Matcher id = SUBSCRIPTION_ID.matcher(value);
        if (!id.matches()) {
            Replies.text(
                    event,
                    "**id**: '" + DiscordText.literal(value, ID_MAX) + "' is not a subscription id. Pick one from"
                            + " the list as you type, or run /subscriptions to see yours.\nExample: `id:12` or"
                            + " `id:all`");
            return;
        }
        if (!subscriptions.remove(userId, Long.parseLong(id.group(1)))) {
            Replies.text(
                    event,
                    "**id**: you have no subscription #" + id.group(1) + ". Run /subscriptions to see yours with"
                            + " their ids.\nExample: `id:12` or `id:all`");
            return;
        }
        Replies.text(event, "Removed subscription #" + id.group(1) + "; it sends no more alerts.");
    }
}

package dev.tern.discord.commands;

import dev.tern.config.FilterConfig;
import dev.tern.discord.DiscordText;
import dev.tern.match.SubscribeResult;
import dev.tern.match.SubscriptionService;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /subscribe}: stores a filter and answers with it in words, how many open postings match it now and the
 * newest few. Alerts go by DM, or to the channel for members who may manage it.
 */
final class SubscribeCommand implements SlashCommand {

    static final String NAME = "subscribe";
    static final String DELIVER = "deliver";
    static final String DM = "dm";
    static final String HERE = "here";

    private static final int COLOR = 0x2F80ED;
    private static final int DESCRIPTION_MAX = 1000;

    private final SubscriptionService subscriptions;
    private final SlashCommandData data;

    SubscribeCommand(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.data = Commands.slash(NAME, "Get alerts for new internship postings that match a filter")
                .addOptions(FilterOptions.definitions())
                .addOptions(new OptionData(OptionType.STRING, DELIVER, "Where alerts go (default: by DM)")
                        .addChoice("by DM", DM)
                        .addChoice("in this channel (needs Manage Channels)", HERE))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        handleSubscribe(event);
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        if (!FilterOptions.autocomplete(event, subscriptions)) {
            event.replyChoices().queue();
        }
    }

    private void handleSubscribe(SlashCommandInteractionEvent event) {
        FilterConfig filter = FilterOptions.read(event);
        // Every wrong filter option is named before where the alerts go, so fixing `deliver` never hides it.
        Optional<SubscribeResult.Invalid> problem =
                FilterOptions.problem(event).or(() -> subscriptions.checkSearch(filter));
        if (problem.isPresent()) {
            Replies.invalid(event, problem.get());
            return;
        }
        String deliver = event.getOption(DELIVER, DM, OptionMapping::getAsString);
        if (!DM.equals(deliver) && !HERE.equals(deliver)) {
            Replies.invalid(
                    event, new SubscribeResult.Invalid(DELIVER, "'" + deliver + "' is not dm or here", DM, List.of()));
            return;
        }
        boolean here = HERE.equals(deliver);
        if (here && !mayManageChannel(event)) {
            Replies.text(
                    event,
                    "**deliver**: `here` needs the Manage Channels permission in this channel, and you do not have it."
                            + " Use `deliver:dm` to get the alerts by DM, or ask a moderator to subscribe the channel.");
            return;
        }
        String guildId = event.getGuild() == null ? null : event.getGuild().getId();
        Replies.defer(event); // counting the open postings that match reads them all
        SubscribeResult result =
                subscriptions.subscribe(event.getUser().getId(), guildId, event.getChannelId(), here, filter);
        switch (result) {
            case SubscribeResult.Created created -> Replies.send(event, created(created));
            case SubscribeResult.Duplicate duplicate -> Replies.text(event, duplicate(duplicate));
            case SubscribeResult.Invalid invalid -> Replies.invalid(event, invalid);
            case SubscribeResult.LimitReached limit -> Replies.text(event, limitReached(limit));
        }
    }

    private static boolean mayManageChannel(SlashCommandInteractionEvent event) {
        Member member = event.getMember();
        return member != null && member.hasPermission(event.getGuildChannel(), Permission.MANAGE_CHANNEL);
    }

    private static ReplyBody created(SubscribeResult.Created created) {
        StringBuilder text = new StringBuilder()
                .append("Subscribed (#")
                .append(created.id())
                .append("): ")
                .append(DiscordText.literal(created.description(), DESCRIPTION_MAX))
                .append(".\n")
                .append(matching(created.openMatches()))
                .append("\nAlerts for new ones will come ")
                .append(Replies.where(created.target()))
                .append('.');
        if (created.paused()) {
            text.append("\nYou are paused, so this subscription starts paused: run /resume to get its alerts.");
        }
        List<MessageEmbed> embeds = created.samples().isEmpty()
                ? List.of()
                : List.of(new EmbedBuilder()
                        .setColor(COLOR)
                        .setTitle("Newest matches")
                        .setDescription(PostingLines.lines(created.samples()))
                        .setFooter(
                                created.openMatches() > created.samples().size()
                                        ? "See them all with /postings."
                                        : null)
                        .build());
        return new ReplyBody(text.toString(), embeds, List.of());
    }

    private static String matching(int count) {
        return switch (count) {
            case 0 -> "No open posting matches it now.";
            case 1 -> "1 open posting matches it now.";
            default -> count + " open postings match it now.";
        };
    }

    private static String duplicate(SubscribeResult.Duplicate duplicate) {
        return "You already have this subscription (#" + duplicate.existingId() + ": "
                + DiscordText.literal(duplicate.description(), DESCRIPTION_MAX)
                + "), so nothing was added. /subscriptions lists yours.";
    }

    private static String limitReached(SubscribeResult.LimitReached limit) {
        return "You have " + limit.limit() + " subscriptions, the most allowed. Remove one with /subscriptions (its"
                + " Remove button) or /unsubscribe, then subscribe again.";
    }
}

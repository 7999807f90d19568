package dev.tern.discord.commands;

import dev.tern.config.FilterConfig;
import dev.tern.discord.DiscordText;
import dev.tern.match.FilterDescription;
import dev.tern.match.Page;
import dev.tern.match.SubscribeResult;
import dev.tern.match.SubscriptionService;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /postings}: searches open postings with the same filter options as {@code /subscribe}, five per page,
 * with Previous and Next buttons that turn the page in place.
 */
final class PostingsCommand implements SlashCommand {

    static final String NAME = "postings";
    static final String PAGE = "page";
    /** Searches whose buttons still work; older ones ask to search again. */
    static final int REMEMBERED_SEARCHES = 500;

    private static final int COLOR = 0x2F80ED;
    private static final String EXPIRED = "This search has expired; run /postings again.";

    private final SubscriptionService subscriptions;
    private final RecentSearches searches = new RecentSearches(REMEMBERED_SEARCHES);
    private final SlashCommandData data;

    PostingsCommand(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.data = Commands.slash(NAME, "Search the open internship postings")
                .addOptions(FilterOptions.definitions())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        handleSearch(event);
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        if (!FilterOptions.autocomplete(event, subscriptions)) {
            event.replyChoices().queue();
        }
    }

    @Override
    public void onButton(ButtonInteractionEvent event, String[] args) {
        if (args.length == 3 && PAGE.equals(args[0]) && args[2].matches("\\d{1,6}")) {
            handlePage(event, args[1], Integer.parseInt(args[2]));
        } else {
            Replies.text(event, EXPIRED);
        }
    }

    private void handleSearch(SlashCommandInteractionEvent event) {
        FilterConfig filter = FilterOptions.read(event);
        Optional<SubscribeResult.Invalid> problem =
                FilterOptions.problem(event).or(() -> subscriptions.checkSearch(filter));
        if (problem.isPresent()) {
            Replies.invalid(event, problem.get());
            return;
        }
        String token = searches.remember(filter);
        Replies.defer(event); // a search reads every open posting
        Replies.send(event, page(filter, token, subscriptions.search(filter, 1)));
    }

    private void handlePage(ButtonInteractionEvent event, String token, int number) {
        Optional<FilterConfig> filter = searches.find(token);
        if (filter.isEmpty()) {
            Replies.text(event, EXPIRED);
            return;
        }
        Replies.update(event, page(filter.get(), token, subscriptions.search(filter.get(), number)));
    }

    private ReplyBody page(FilterConfig filter, String token, Page page) {
        String title = (page.total() == 1 ? "1 open posting" : page.total() + " open postings") + ": "
                + FilterDescription.describe(filter);
        String description = page.postings().isEmpty()
                ? "Nothing open matches this now. Try fewer options, or /subscribe to hear when something does."
                : PostingLines.lines(page.postings());
        MessageEmbed embed = new EmbedBuilder()
                .setColor(COLOR)
                .setTitle(DiscordText.literal(title, MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(description)
                .setFooter("Page " + page.page() + " of " + page.pageCount())
                .build();
        if (page.pageCount() == 1) {
            return new ReplyBody("", List.of(embed), List.of());
        }
        ActionRow buttons = ActionRow.of(
                Button.secondary(buttonId(PAGE, token, String.valueOf(page.page() - 1)), "Previous")
                        .withDisabled(!page.hasPrevious()),
                Button.secondary(buttonId(PAGE, token, String.valueOf(page.page() + 1)), "Next")
                        .withDisabled(!page.hasNext()));
        return new ReplyBody("", List.of(embed), List.of(buttons));
    }
}

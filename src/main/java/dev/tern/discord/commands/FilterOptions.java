package dev.tern.discord.commands;

import dev.tern.config.FilterConfig;
import dev.tern.config.FilterConfig.RemoteMode;
import dev.tern.discord.DiscordText;
import dev.tern.match.Query;
import dev.tern.match.SubscribeResult;
import dev.tern.match.SubscriptionService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * The filter options that {@code /subscribe} and {@code /postings} share: their definitions, reading them into a
 * {@link FilterConfig}, and autocomplete of locations and companies from what Tern knows.
 */
final class FilterOptions {

    static final String KEYWORDS = "keywords";
    static final String LOCATION = "location";
    static final String START_YEAR = "start_year";
    static final String COMPANY = "company";
    static final String REMOTE = "remote";

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** Discord's limit on a location or company value (and on an autocomplete choice). */
    static final int NAME_MAX = OptionData.MAX_CHOICE_VALUE_LENGTH;

    private static final String ONLY = "only";
    private static final String EXCLUDE = "exclude";
    private static final String ANY = "any";

    private FilterOptions() {}

    /** The option definitions, none required. */
    static List<OptionData> definitions() {
        return List.of(
                new OptionData(
                                OptionType.STRING,
                                KEYWORDS,
                                "Words in the title, e.g. \"machine learning\" OR ml -senior")
                        .setMaxLength(Query.MAX_LENGTH),
                new OptionData(OptionType.STRING, LOCATION, "A city, state, country or Remote")
                        .setAutoComplete(true)
                        .setMaxLength(NAME_MAX),
                new OptionData(OptionType.INTEGER, START_YEAR, "The year the internship starts, e.g. 2027")
                        .setRequiredRange(MIN_YEAR, MAX_YEAR),
                new OptionData(OptionType.STRING, COMPANY, "A company name")
                        .setAutoComplete(true)
                        .setMaxLength(NAME_MAX),
                new OptionData(OptionType.STRING, REMOTE, "Remote postings: only them, none of them, or any")
                        .addChoice("only remote", ONLY)
                        .addChoice("exclude remote", EXCLUDE)
                        .addChoice("any", ANY));
    }

    /** The filter the user filled in; blank texts count as not given. */
    static FilterConfig read(CommandInteractionPayload event) {
        Long year = event.getOption(START_YEAR, OptionMapping::getAsLong);
        return new FilterConfig(
                text(event, KEYWORDS).orElse(null),
                text(event, LOCATION).map(List::of).orElse(List.of()),
                year == null ? List.of() : List.of(clampToInt(year)),
                text(event, COMPANY).map(List::of).orElse(List.of()),
                List.of(),
                remote(event).orElse(RemoteMode.ANY),
                true);
    }

    /** What is wrong with options Discord does not check itself (a remote value that is not a choice). */
    static Optional<SubscribeResult.Invalid> problem(CommandInteractionPayload event) {
        Optional<String> remote = text(event, REMOTE);
        if (remote.isPresent() && remote(event).isEmpty()) {
            return Optional.of(new SubscribeResult.Invalid(
                    REMOTE, "'" + remote.get() + "' is not one of only, exclude or any", ONLY, List.of()));
        }
        return Optional.empty();
    }

    /** Answers autocomplete of location or company; false when another option is focused. */
    static boolean autocomplete(CommandAutoCompleteInteractionEvent event, SubscriptionService subscriptions) {
        String typed = event.getFocusedOption().getValue().strip();
        List<String> names =
                switch (event.getFocusedOption().getName()) {
                    case LOCATION -> subscriptions.locationSuggestions(typed, OptionData.MAX_CHOICES);
                    case COMPANY -> subscriptions.companySuggestions(typed, OptionData.MAX_CHOICES);
                    default -> null;
                };
        if (names == null) {
            return false;
        }
        event.replyChoices(names.stream()
                        .filter(name -> name.length() <= NAME_MAX)
                        .map(name -> new Command.Choice(DiscordText.cut(name, NAME_MAX), name))
                        .toList())
                .queue();
        return true;
    }

    private static Optional<RemoteMode> remote(CommandInteractionPayload event) {
        return text(event, REMOTE).flatMap(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case ONLY -> Optional.of(RemoteMode.ONLY);
            case EXCLUDE -> Optional.of(RemoteMode.EXCLUDE);
            case ANY -> Optional.of(RemoteMode.ANY);
            default -> Optional.empty();
        });
    }

    private static Optional<String> text(CommandInteractionPayload event, String option) {
        return Optional.ofNullable(event.getOption(option, OptionMapping::getAsString))
                .map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    /** Keeps an absurd year absurd (so the range check names it) instead of wrapping around. */
    private static int clampToInt(long year) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, year));
    }
}

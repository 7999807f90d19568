package dev.tern.discord.commands;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.FilterConfig;
import dev.tern.config.FilterConfig.RemoteMode;
import dev.tern.config.Sponsorship;
import dev.tern.discord.DiscordText;
import dev.tern.match.Query;
import dev.tern.match.SubscribeResult;
import dev.tern.match.SubscriptionService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    static final String SPONSORSHIP = "sponsorship";
    static final String DEGREE = "degree";
    static final String CATEGORY = "category";

    /** The sponsorship choices: what each accepts. "needs" is what a student who needs a visa wants. */
    static final Map<String, List<Sponsorship>> SPONSORSHIP_CHOICES = sponsorshipChoices();

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** Discord's limit on a location or company value (and on an autocomplete choice). */
    static final int NAME_MAX = OptionData.MAX_CHOICE_VALUE_LENGTH;

    private static final String ONLY = "only";
    private static final String EXCLUDE = "exclude";
    private static final String ANY = "any";
    private static final String NEEDS = "needs";
    private static final String NOT_CITIZENS_ONLY = "not-citizens-only";

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
                        .addChoice("any", ANY),
                new OptionData(OptionType.STRING, SPONSORSHIP, "Visa sponsorship the posting must allow")
                        .addChoice("needs sponsorship (offered or not stated)", NEEDS)
                        .addChoice("sponsorship offered", Sponsorship.OFFERED.value())
                        .addChoice("no citizenship or clearance required", NOT_CITIZENS_ONLY)
                        .addChoice("any", ANY),
                new OptionData(OptionType.STRING, DEGREE, "Your degree: postings that accept it (or do not say)")
                        .addChoice("Bachelor's (BS, BA)", Degree.BACHELOR.value())
                        .addChoice("Master's (MS, MEng, MBA)", Degree.MASTER.value())
                        .addChoice("PhD", Degree.PHD.value()),
                new OptionData(OptionType.STRING, CATEGORY, "The kind of role")
                        .addChoice("Software", Category.SOFTWARE.value())
                        .addChoice("Data science / machine learning", Category.DATA_ML.value())
                        .addChoice("Quant", Category.QUANT.value())
                        .addChoice("Hardware", Category.HARDWARE.value())
                        .addChoice("Product", Category.PRODUCT.value())
                        .addChoice("Design", Category.DESIGN.value())
                        .addChoice("Business", Category.BUSINESS.value())
                        .addChoice("Other", Category.OTHER.value()));
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
                        true)
                .withFacts(
                        sponsorship(event).orElse(List.of()),
                        fact(event, DEGREE, Degree::of).map(List::of).orElse(List.of()),
                        true,
                        fact(event, CATEGORY, Category::of).map(List::of).orElse(List.of()));
    }

    /** What is wrong with options Discord does not check itself (a value that is not one of the choices). */
    static Optional<SubscribeResult.Invalid> problem(CommandInteractionPayload event) {
        Optional<String> remote = text(event, REMOTE);
        if (remote.isPresent() && remote(event).isEmpty()) {
            return notAChoice(REMOTE, remote.get(), "only, exclude or any", ONLY);
        }
        Optional<String> sponsorship = text(event, SPONSORSHIP);
        if (sponsorship.isPresent() && sponsorship(event).isEmpty()) {
            return notAChoice(SPONSORSHIP, sponsorship.get(), String.join(", ", SPONSORSHIP_CHOICES.keySet()), NEEDS);
        }
        Optional<String> degree = text(event, DEGREE);
        if (degree.isPresent() && fact(event, DEGREE, Degree::of).isEmpty()) {
            return notAChoice(DEGREE, degree.get(), Degree.allowed().replace(" | ", ", "), Degree.BACHELOR.value());
        }
        Optional<String> category = text(event, CATEGORY);
        if (category.isPresent() && fact(event, CATEGORY, Category::of).isEmpty()) {
            return notAChoice(
                    CATEGORY, category.get(), Category.allowed().replace(" | ", ", "), Category.SOFTWARE.value());
        }
        return Optional.empty();
    }

    private static Optional<SubscribeResult.Invalid> notAChoice(
            String option, String value, String allowed, String example) {
        return Optional.of(
                new SubscribeResult.Invalid(option, "'" + value + "' is not one of " + allowed, example, List.of()));
    }

    private static Map<String, List<Sponsorship>> sponsorshipChoices() {
        Map<String, List<Sponsorship>> choices = new LinkedHashMap<>();
        choices.put(NEEDS, List.of(Sponsorship.OFFERED, Sponsorship.UNKNOWN));
        choices.put(Sponsorship.OFFERED.value(), List.of(Sponsorship.OFFERED));
        choices.put(NOT_CITIZENS_ONLY, List.of(Sponsorship.OFFERED, Sponsorship.NONE, Sponsorship.UNKNOWN));
        choices.put(ANY, List.of());
        return java.util.Collections.unmodifiableMap(choices);
    }

    private static Optional<List<Sponsorship>> sponsorship(CommandInteractionPayload event) {
        return text(event, SPONSORSHIP)
                .flatMap(value -> Optional.ofNullable(SPONSORSHIP_CHOICES.get(value.toLowerCase(Locale.ROOT))));
    }

    /** The option read by {@code parse}; empty when absent or not a value parse accepts. */
    private static <T> Optional<T> fact(
            CommandInteractionPayload event, String option, java.util.function.Function<String, T> parse) {
        return text(event, option).flatMap(value -> {
            try {
                return Optional.of(parse.apply(value));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
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

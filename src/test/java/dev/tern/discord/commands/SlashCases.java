package dev.tern.discord.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.discord.fake.Option;
import dev.tern.testing.HostileText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated option sets for the slash commands, each option absent, valid or hostile ({@link HostileText}), with
 * what the reply must then be: an option that is surely invalid (too long, out of range, not a choice, not an id
 * or duration) is refused by name with an example; an option set made only of valid values is not refused; a
 * refusal names an option the user filled in. {@link #outcome} names the reply's kind for the tally.
 */
final class SlashCases {

    static final List<String> WITH_OPTIONS = List.of("subscribe", "postings", "unsubscribe", "pause", "tern poll");
    static final List<String> WITHOUT_OPTIONS = List.of("subscriptions", "resume", "tern status");

    private static final int QUERY_MAX = 200;
    private static final int NAME_MAX = 100;
    private static final Pattern REFUSED = Pattern.compile("\\*\\*(\\w+)\\*\\*: .*", Pattern.DOTALL);
    /** Filter options that are a part of the filter whenever filled in validly ("any" of remote or sponsorship is not). */
    private static final List<String> ALWAYS_A_PART =
            List.of("keywords", "location", "start_year", "company", "degree", "category");

    private static final List<String> KEYWORDS =
            List.of("ml", "ml intern", "\"machine learning\" OR ml -senior", "data");
    private static final List<String> PLACES = List.of("Seattle", "Singapore", "Remote");
    private static final List<String> COMPANIES = List.of("Stripe", "Acme", "Nobody Inc");
    private static final List<String> REMOTE = List.of("only", "exclude", "any");
    private static final List<String> SPONSORSHIP = List.of("needs", "offered", "not-citizens-only", "any");
    private static final List<String> DEGREES = List.of("bachelor", "master", "phd");
    private static final List<String> CATEGORIES =
            List.of("software", "data-ml", "quant", "hardware", "product", "design", "business", "other");
    private static final List<String> DURATIONS = List.of("2h", "3d", "1w", "90m", "1d12h", "52w");
    private static final List<Long> BAD_YEARS = List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1999L, 2101L, 99_999L);

    /** One invocation: the options, which ones the user filled in, which are surely invalid, and the kinds tried. */
    record Case(
            String command,
            List<Option> options,
            Set<String> given,
            Set<String> filled,
            Set<String> invalid,
            boolean allValid,
            List<String> kinds) {

        /** {@code tern poll} is {@code /tern} with the subcommand {@code poll}. */
        String name() {
            return command.split(" ")[0];
        }

        List<Option> sent() {
            String[] parts = command.split(" ");
            return parts.length == 1 ? options : List.of(Option.subcommand(parts[1], options.toArray(Option[]::new)));
        }
    }

    private final Random random;
    private final List<String> sources;

    SlashCases(Random random, List<String> sources) {
        this.random = random;
        this.sources = sources;
    }

    /** A generated invocation of {@code command}; {@code ids} are subscription ids the user has. */
    Case next(String command, List<Long> ids) {
        Builder b = new Builder(command);
        switch (command) {
            case "subscribe", "postings" -> {
                b.text(
                        "keywords",
                        HostileText.pick(KEYWORDS, random),
                        v -> v.strip().length() > QUERY_MAX);
                b.text(
                        "location",
                        HostileText.pick(PLACES, random),
                        v -> v.strip().length() > NAME_MAX);
                b.year();
                b.text(
                        "company",
                        HostileText.pick(COMPANIES, random),
                        v -> v.strip().length() > NAME_MAX);
                b.text(
                        "remote",
                        HostileText.pick(REMOTE, random),
                        v -> !v.isBlank() && !REMOTE.contains(v.strip().toLowerCase(Locale.ROOT)));
                b.choice("sponsorship", SPONSORSHIP);
                b.choice("degree", DEGREES);
                b.choice("category", CATEGORIES);
                if (command.equals("subscribe")) {
                    b.text(
                            "deliver",
                            random.nextInt(4) == 0 ? "here" : "dm",
                            v -> !v.equals("dm") && !v.equals("here"));
                }
            }
            case "unsubscribe" -> {
                String id = validId(ids);
                b.required(
                        "id",
                        id,
                        v -> !v.strip().equalsIgnoreCase("all") && !v.strip().matches("#?\\d{1,18}"));
                // A well-formed id the user does not have is refused too ("you have no subscription #N").
                b.allValid &= id.equals("all") || ids.contains(Long.parseLong(id.replace("#", "")));
            }
            case "pause" ->
                b.text("duration", HostileText.pick(DURATIONS, random), v -> !v.strip()
                        .toLowerCase(Locale.ROOT)
                        .matches("(?:\\d{1,6}\\s*[mhdw]\\s*)+"));
            case "tern poll" ->
                b.required("source", HostileText.pick(sources, random), v -> !sources.contains(v.strip()));
            default -> {}
        }
        return b.build();
    }

    private String validId(List<Long> ids) {
        return switch (random.nextInt(4)) {
            case 0 -> "all";
            case 1 -> "#" + random.nextInt(1_000_000);
            default -> ids.isEmpty() ? "1" : String.valueOf(HostileText.pick(ids, random));
        };
    }

    /** The kind of reply, after checking it against the case; fails the test when it breaks a rule. */
    static String outcome(Case c, JsonNode shown, String context) {
        String content = shown.path("content").asText();
        String kind = kind(c, shown, content);
        if (kind.startsWith("refused ")) {
            String option = kind.substring("refused ".length());
            assertThat(c.given())
                    .as(context + ": the refusal names an option the user gave")
                    .contains(option);
            assertThat(content).as(context + ": says what would work").contains("\nExample: `");
        }
        if (!c.invalid().isEmpty()) {
            assertThat(kind)
                    .as(context + ": " + c.invalid() + " must be refused")
                    .startsWith("refused ");
        }
        if (c.allValid()) {
            assertThat(kind).as(context + ": valid options are not refused").doesNotStartWith("refused ");
        }
        if (kind.equals("no filter")) {
            assertThat(c.filled()).as(context).doesNotContainAnyElementsOf(ALWAYS_A_PART);
        }
        return kind;
    }

    private static String kind(Case c, JsonNode shown, String content) {
        Matcher refused = REFUSED.matcher(content);
        if (content.startsWith("**deliver**: `here` needs the Manage Channels permission")) {
            return "needs Manage Channels";
        }
        if (refused.matches()) {
            return "refused " + refused.group(1);
        }
        String[][] kinds = {
            {"Subscribed (#", "subscribed"},
            {"You already have this subscription", "duplicate"},
            {"No filter given: ", "no filter"},
            {"Removed subscription #", "removed"},
            {"Removed all ", "removed all"},
            {"You had no subscriptions", "removed all (none)"},
            {"Paused ", "paused"},
            {"Polled **", "polled"},
            {"Resumed: ", "resumed"},
            {"You were not paused", "not paused"},
            {"You have no subscriptions", "none"}
        };
        for (String[] k : kinds) {
            if (content.startsWith(k[0])) {
                return k[1];
            }
        }
        if (content.startsWith("You have ") && content.contains("the most allowed")) {
            return "limit reached";
        }
        String title = shown.path("embeds").path(0).path("title").asText();
        if (title.matches("(?s)\\d+ open postings?: .*")) {
            return "search results";
        }
        if (title.startsWith("Your subscriptions (")) {
            return "list";
        }
        if (title.startsWith("Sources (")) {
            return "status";
        }
        throw new AssertionError("/" + c.command() + " gave a reply of no known kind: " + shown);
    }

    /** Collects one case's options. */
    private final class Builder {
        private final String command;
        private final List<Option> options = new ArrayList<>();
        private final Set<String> given = new HashSet<>();
        private final Set<String> filled = new HashSet<>();
        private final Set<String> invalid = new HashSet<>();
        private final List<String> kinds = new ArrayList<>();
        private boolean allValid = true;

        Builder(String command) {
            this.command = command;
        }

        void text(String name, String valid, java.util.function.Predicate<String> surelyInvalid) {
            int pick = random.nextInt(10);
            if (pick < 4) {
                return;
            }
            value(name, pick < 7 ? valid : null, surelyInvalid);
        }

        /** An option whose valid values are choices: one of them, or hostile text that is surely not one. */
        void choice(String name, List<String> choices) {
            text(
                    name,
                    HostileText.pick(choices, random),
                    v -> !v.isBlank() && !choices.contains(v.strip().toLowerCase(Locale.ROOT)));
        }

        void required(String name, String valid, java.util.function.Predicate<String> surelyInvalid) {
            value(name, random.nextBoolean() ? valid : null, surelyInvalid);
        }

        private void value(String name, String valid, java.util.function.Predicate<String> surelyInvalid) {
            String kind = valid != null ? "valid" : HostileText.anyKind(random);
            String value = valid != null ? valid : HostileText.of(kind, random);
            options.add(Option.string(name, value));
            kinds.add(name + " " + kind);
            given.add(name);
            if (!value.isBlank()) {
                filled.add(name);
            }
            if (surelyInvalid.test(value)) {
                invalid.add(name);
            }
            allValid &= valid != null;
        }

        void year() {
            int pick = random.nextInt(10);
            if (pick < 5) {
                return;
            }
            boolean valid = pick < 8;
            long year = valid ? 2000 + random.nextInt(101) : HostileText.pick(BAD_YEARS, random);
            options.add(Option.integer("start_year", year));
            kinds.add("start_year " + (valid ? "valid" : "out of range"));
            given.add("start_year");
            filled.add("start_year");
            if (!valid) {
                invalid.add("start_year");
                allValid = false;
            }
        }

        Case build() {
            return new Case(command, options, given, filled, invalid, allValid, kinds);
        }
    }
}

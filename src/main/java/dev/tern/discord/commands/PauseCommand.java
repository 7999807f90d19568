package dev.tern.discord.commands;

import dev.tern.discord.DiscordText;
import dev.tern.match.PauseResult;
import dev.tern.match.SubscriptionService;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * {@code /pause [duration]}: no alerts are queued for the user until the pause ends or they run {@code /resume};
 * the duration is written like {@code 2h}, {@code 3d} or {@code 1w}.
 */
final class PauseCommand implements SlashCommand {

    static final String NAME = "pause";
    static final String DURATION = "duration";
    /** A longer pause is better written as no duration (until /resume). */
    static final int MAX_WEEKS = 52;

    private static final int DAYS_PER_WEEK = 7;
    private static final Duration MAX_PAUSE = Duration.ofDays((long) MAX_WEEKS * DAYS_PER_WEEK);

    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,6}\\s*[mhdw]\\s*)+");
    private static final Pattern PART = Pattern.compile("(\\d{1,6})\\s*([mhdw])");
    private static final int SHOWN_MAX = 30;
    private static final String EXAMPLE =
            "\nExample: `duration:3d` or `duration:1w`; leave it out to pause until" + " you run /resume.";

    private final SubscriptionService subscriptions;
    private final SlashCommandData data;

    PauseCommand(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.data = Commands.slash(NAME, "Stop your alerts for a while, or until /resume")
                .addOption(OptionType.STRING, DURATION, "How long, e.g. 2h, 3d or 1w (default: until /resume)")
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        handlePause(event);
    }

    /** Parses {@code 90m}, {@code 2h}, {@code 3d}, {@code 1w} or sums like {@code 1d12h}; empty if malformed. */
    static Optional<Duration> parse(String text) {
        String written = text.strip().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(written).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(written);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "d" -> Duration.ofDays(amount);
                        case "w" -> Duration.ofDays(amount * DAYS_PER_WEEK);
                        default -> throw new AssertionError("unit " + part.group(2) + " passed the pattern");
                    });
        }
        return Optional.of(total);
    }

    private void handlePause(SlashCommandInteractionEvent event) {
        String written = event.getOption(DURATION, OptionMapping::getAsString);
        Duration duration = null;
        if (written != null) {
            Optional<Duration> parsed = parse(written);
            String shown = DiscordText.literal(written.strip(), SHOWN_MAX);
            if (parsed.isEmpty()) {
                Replies.text(
                        event,
                        "**duration**: '" + shown + "' is not a duration; write a number and a unit (m,"
                                + " h, d or w)." + EXAMPLE);
                return;
            }
            if (parsed.get().isZero() || parsed.get().compareTo(MAX_PAUSE) > 0) {
                Replies.text(
                        event,
                        "**duration**: '" + shown + "' is not between 1 minute and " + MAX_WEEKS + " weeks." + EXAMPLE);
                return;
            }
            duration = parsed.get();
        }
        Replies.text(event, paused(subscriptions.pause(event.getUser().getId(), duration)));
    }

    private static String paused(PauseResult result) {
        String until = result.indefinitely()
                ? "until you run /resume"
                : "until " + TimeFormat.DATE_TIME_SHORT.format(result.until()) + " ("
                        + TimeFormat.RELATIVE.format(result.until()) + ")";
        String what = result.subscriptions() == 0
                ? "You have no subscriptions now; any you make while paused start paused."
                : "No alerts will be sent for your " + result.subscriptions()
                        + (result.subscriptions() == 1 ? " subscription." : " subscriptions.");
        return "Paused " + until + ". " + what + " Run /resume to end the pause sooner.";
    }
}

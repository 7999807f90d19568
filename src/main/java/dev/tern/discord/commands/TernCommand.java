package dev.tern.discord.commands;

import dev.tern.config.SourceConfig;
import dev.tern.discord.DiscordText;
import dev.tern.match.StatusReport;
import dev.tern.poll.PollEvent;
import dev.tern.poll.SourceStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.TimeFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /tern status}, {@code /tern poll source:} and {@code /tern accept source:}, for server managers by default:
 * Tern's health, a poll of one source now, and accepting a held poll; the result replaces the "thinking" reply.
 * Polls and accepts run one at a time off JDA's event thread.
 */
final class TernCommand implements SlashCommand {

    static final String NAME = "tern";
    static final String STATUS = "status";
    static final String POLL = "poll";
    static final String ACCEPT = "accept";
    static final String SOURCE = "source";

    private static final Logger log = LoggerFactory.getLogger(TernCommand.class);
    private static final int TEXT_MAX = 300;

    private final CommandContext context;
    private final SlashCommandData data;
    private final ExecutorService polls = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("tern-poll-now").daemon(true).factory());

    TernCommand(CommandContext context) {
        this.context = context;
        this.data = Commands.slash(NAME, "Tern's health, polling a source now, accepting a held poll")
                .addSubcommands(
                        new SubcommandData(STATUS, "Sources, the outbox backlog, broken targets and subscriptions"),
                        new SubcommandData(POLL, "Poll one source now and show what changed")
                                .addOptions(new OptionData(OptionType.STRING, SOURCE, "The source's id", true)
                                        .setAutoComplete(true)),
                        new SubcommandData(ACCEPT, "Close now what a held (suspicious) poll of a source kept open")
                                .addOptions(new OptionData(OptionType.STRING, SOURCE, "The held source's id", true)
                                        .setAutoComplete(true)))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        switch (event.getSubcommandName()) {
            case STATUS -> handleStatus(event);
            case POLL -> handlePoll(event);
            case ACCEPT -> handleAccept(event);
            case null, default -> throw new AssertionError("/tern has no subcommand " + event.getSubcommandName());
        }
    }

    /**
     * The Accept button of a held-poll notice: {@code /tern accept} for members with Manage Server only, and only for
     * the hold the notice told of; a button of an earlier hold (or of a notice from before buttons named their hold)
     * is refused with a reply that says what holds now.
     */
    @Override
    public void onButton(ButtonInteractionEvent event, String[] args) {
        Optional<AcceptButton> button = AcceptButton.read(args);
        if (button.isEmpty()) {
            Replies.text(
                    event,
                    "This button is from an older notice and does not say which hold it accepts. Check "
                            + Replies.code("/tern status") + ", then use " + Replies.code("/tern accept")
                            + " if the source is still held.");
            return;
        }
        Member member = event.getMember();
        if (member == null || !member.hasPermission(Permission.MANAGE_SERVER)) {
            Replies.text(
                    event,
                    "Only members with the Manage Server permission can accept a held poll. Ask a server manager, or"
                            + " see " + Replies.code("/tern status") + ".");
            return;
        }
        Optional<String> source = button.get().sourceId(context.sources());
        if (source.isEmpty()) {
            Replies.text(event, "The source of this notice is no longer configured: nothing to accept.");
            return;
        }
        event.deferReply(true).queue();
        polls.execute(() -> event.getHook()
                .editOriginal(ReplyBody.text(
                                acceptIfCurrent(source.get(), button.get().holdId()))
                        .edit())
                .queue());
    }

    /**
     * Accepts the hold a notice's button is about, and only that one: the hold is checked here for a clear answer,
     * and again in the transaction that closes (a poll may end the hold and start another in between).
     */
    private String acceptIfCurrent(String source, String holdId) {
        Optional<String> notCurrent = notCurrent(source, holdId);
        if (notCurrent.isPresent()) {
            return notCurrent.get();
        }
        return accept(context, source, holdId, () -> notCurrent(source, holdId).orElse(nothingHeld(source)));
    }

    /** Why the hold {@code holdId} of the source cannot be accepted, or empty when it is the source's hold now. */
    private Optional<String> notCurrent(String source, String holdId) {
        Optional<Instant> heldSince = context.subscriptions().status().sources().stream()
                .filter(status -> status.id().equals(source))
                .findFirst()
                .map(StatusReport.SourceStatus::heldSince);
        String name = "**" + DiscordText.literal(source, TEXT_MAX) + "**";
        if (heldSince.isEmpty()) {
            return Optional.of("The hold of " + name + " this notice is about has ended, and the source holds nothing"
                    + " now: nothing to accept.");
        }
        if (!holdId.equals(SourceStates.holdId(heldSince.get()))) {
            return Optional.of("This notice is about an earlier hold of " + name + ", which has ended. The source has"
                    + " been held again since " + TimeFormat.DATE_TIME_SHORT.format(heldSince.get()) + ": accept that"
                    + " one with the button of its own notice or " + Replies.code("/tern accept source:" + source)
                    + ", after checking " + Replies.code("/tern status") + ".");
        }
        return Optional.empty();
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
        event.replyChoices(context.sources().stream()
                        .map(SourceConfig::id)
                        .filter(id -> id.toLowerCase(Locale.ROOT).contains(typed))
                        .filter(id -> id.length() <= OptionData.MAX_CHOICE_VALUE_LENGTH)
                        .limit(OptionData.MAX_CHOICES)
                        .map(id -> new Command.Choice(id, id))
                        .toList())
                .queue();
    }

    private void handleStatus(SlashCommandInteractionEvent event) {
        Replies.send(
                event, new ReplyBody("", StatusEmbeds.of(context.subscriptions().status()), List.of()));
    }

    private void handlePoll(SlashCommandInteractionEvent event) {
        String source = event.getOption(SOURCE, "", OptionMapping::getAsString).strip();
        if (!knownSource(event, source, POLL)) {
            return;
        }
        event.deferReply(true).queue();
        polls.execute(() -> {
            String summary;
            try {
                summary = summary(source, context.pollNow().apply(source));
            } catch (RuntimeException e) {
                log.error("/tern poll of source {} failed", source, e);
                summary = "Polling **" + DiscordText.literal(source, TEXT_MAX) + "** failed: "
                        + DiscordText.literal(String.valueOf(e.getMessage()), TEXT_MAX);
            }
            event.getHook().editOriginal(ReplyBody.text(summary).edit()).queue();
        });
    }

    private void handleAccept(SlashCommandInteractionEvent event) {
        String source = event.getOption(SOURCE, "", OptionMapping::getAsString).strip();
        if (!knownSource(event, source, ACCEPT)) {
            return;
        }
        event.deferReply(true).queue();
        polls.execute(() -> event.getHook()
                .editOriginal(ReplyBody.text(accept(context, source)).edit())
                .queue());
    }

    /** Accepts the source's hold, whatever it is, and says what closed. */
    static String accept(CommandContext context, String source) {
        return accept(context, source, null, () -> nothingHeld(source));
    }

    /**
     * Accepts the source's hold {@code holdId} (null: whatever it holds) and says what closed, or {@code otherwise}
     * when there was nothing (or another hold) to accept.
     */
    private static String accept(CommandContext context, String source, String holdId, Supplier<String> otherwise) {
        try {
            return context.acceptHold()
                    .apply(source, holdId)
                    .map(events -> summary(source, events).replaceFirst("^Polled", "Accepted the hold of"))
                    .orElseGet(otherwise);
        } catch (RuntimeException e) {
            log.error("Accepting the hold of source {} failed", source, e);
            return "Accepting the hold of **" + DiscordText.literal(source, TEXT_MAX) + "** failed: "
                    + DiscordText.literal(String.valueOf(e.getMessage()), TEXT_MAX);
        }
    }

    private static String nothingHeld(String source) {
        return "**" + DiscordText.literal(source, TEXT_MAX) + "** holds no poll: nothing to accept. "
                + Replies.code("/tern status") + " shows which sources are held.";
    }

    /** Whether {@code source} is configured; when not, the user is told which are. */
    private boolean knownSource(SlashCommandInteractionEvent event, String source, String subcommand) {
        List<String> ids = context.sources().stream().map(SourceConfig::id).toList();
        if (ids.contains(source)) {
            return true;
        }
        String example = ids.isEmpty() ? "simplify" : ids.getFirst();
        Replies.text(
                event,
                "**source**: there is no source '" + DiscordText.literal(source, TEXT_MAX) + "'; the sources are "
                        + DiscordText.literal(String.join(", ", ids), TEXT_MAX) + ".\nExample: "
                        + Replies.code("/tern " + subcommand + " source:" + example));
        return false;
    }

    /** What a poll did, in a line or two: seeded, changes and alerts queued, held, or failed. */
    static String summary(String source, List<PollEvent> events) {
        List<String> parts = new ArrayList<>();
        long alerts = 0;
        for (PollEvent event : events) {
            switch (event) {
                case PollEvent.SourceSeeded seeded ->
                    parts.add("seeded: stored " + seeded.postings() + " postings; a first poll sends no alerts");
                case PollEvent.SourcePolled polled -> parts.add(polled(polled));
                case PollEvent.SourceFailed failed ->
                    parts.add("failed: " + DiscordText.literal(failed.error(), TEXT_MAX) + "; nothing was closed");
                case PollEvent.SourceBusy busy ->
                    parts.add((busy.ended() ? "just polled by " : "being polled by ") + busy.holder()
                            + "; not polled again");
                case PollEvent.SourceSuspicious held ->
                    parts.add("held as suspicious, nothing closed: " + DiscordText.literal(held.reason(), TEXT_MAX)
                            + "; `/tern accept` closes them now");
                case PollEvent.HoldConfirmed confirmed ->
                    parts.add("hold confirmed, " + confirmed.closed() + " posting(s) closed");
                case PollEvent.HoldCleared cleared ->
                    parts.add(
                            cleared.stillMissing() == 0
                                    ? "hold cleared, the held postings are listed again"
                                    : "hold ended, " + cleared.stillMissing()
                                            + " held posting(s) still missing follow the" + " usual close rule");
                case PollEvent.HoldAccepted accepted ->
                    parts.add("hold accepted, " + accepted.closed() + " posting(s) closed");
                case PollEvent.AlertQueued queued -> alerts++;
                case PollEvent.PostingChanged changed -> {}
            }
        }
        if (alerts > 0) {
            parts.add(alerts + (alerts == 1 ? " alert queued" : " alerts queued"));
        }
        String what = parts.isEmpty() ? "nothing to report" : String.join("; ", parts);
        return "Polled **" + DiscordText.literal(source, TEXT_MAX) + "**: " + what + ".";
    }

    private static String polled(PollEvent.SourcePolled polled) {
        if (polled.notModified()) {
            return "not modified since the last poll";
        }
        return polled.added() + " new, " + polled.updated() + " updated, " + polled.closed() + " closed, "
                + polled.reopened() + " reopened (" + polled.postings() + " postings, " + polled.millis() + " ms)";
    }
}

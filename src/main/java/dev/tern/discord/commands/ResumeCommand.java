package dev.tern.discord.commands;

import dev.tern.match.ResumeResult;
import dev.tern.match.SubscriptionService;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /resume}: ends the user's pause and says how many alerts were skipped meanwhile. */
final class ResumeCommand implements SlashCommand {

    static final String NAME = "resume";

    private final SubscriptionService subscriptions;
    private final SlashCommandData data;

    ResumeCommand(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
        this.data =
                Commands.slash(NAME, "Get your alerts again after /pause").setContexts(InteractionContextType.GUILD);
    }

    @Override
    public SlashCommandData data() {
        return data;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event) {
        handleResume(event);
    }

    private void handleResume(SlashCommandInteractionEvent event) {
        ResumeResult result = subscriptions.resume(event.getUser().getId());
        String delivering =
                "your " + result.subscriptions() + (result.subscriptions() == 1 ? " subscription" : " subscriptions");
        if (!result.wasPaused()) {
            Replies.text(event, "You were not paused; alerts for " + delivering + " come as usual.");
            return;
        }
        String skipped = result.skipped() == 1 ? "1 alert was" : result.skipped() + " alerts were";
        Replies.text(
                event,
                "Resumed: alerts for " + delivering + " come again. " + skipped + " skipped while you were paused"
                        + (result.skipped() > 0 ? "; /postings shows what is open now." : "."));
    }
}

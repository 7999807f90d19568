package dev.tern.discord.commands;

import dev.tern.config.Target;
import dev.tern.discord.DiscordText;
import dev.tern.match.SubscribeResult;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/**
 * How every command answers: ephemeral (only the user sees it), mentioning no one, and a user's mistake explained
 * with the option, what was wrong and an example that works.
 */
final class Replies {

    private static final int PROBLEM_MAX = 1000;
    private static final String FILTER = "filter";
    private static final String DID_YOU_MEAN = "did you mean";

    private Replies() {}

    /** Replies with text only the user sees. */
    static void text(IReplyCallback event, String content) {
        send(event, ReplyBody.text(content));
    }

    /** Replies with a message only the user sees; after {@link #defer} it fills in the deferred reply. */
    static void send(IReplyCallback event, ReplyBody body) {
        if (event.isAcknowledged()) {
            event.getHook().editOriginal(body.edit()).queue();
        } else {
            event.reply(body.create()).setEphemeral(true).queue();
        }
    }

    /** Acknowledges now ("thinking…", only the user sees it) before slow work; the answer follows with send. */
    static void defer(IReplyCallback event) {
        event.deferReply(true).queue();
    }

    /** Replaces the message the clicked button sat on (an "update message" answer). */
    static void update(IMessageEditCallback event, ReplyBody body) {
        event.editMessage(body.edit()).queue();
    }

    /** Explains a wrong option: which, what was wrong, what would work. */
    static void invalid(IReplyCallback event, SubscribeResult.Invalid invalid) {
        text(event, invalidText(invalid));
    }

    static String invalidText(SubscribeResult.Invalid invalid) {
        String problem = DiscordText.literal(invalid.problem(), PROBLEM_MAX);
        StringBuilder text = new StringBuilder();
        if (FILTER.equals(invalid.option())) {
            text.append("No filter given: ").append(problem).append('.');
            text.append("\nExample: ").append(code(invalid.example()));
            return text.toString();
        }
        text.append("**").append(invalid.option()).append("**: ").append(problem);
        if (!invalid.suggestions().isEmpty() && !invalid.problem().contains(DID_YOU_MEAN)) {
            text.append("; did you mean ")
                    .append(DiscordText.literal(String.join(", ", invalid.suggestions()), PROBLEM_MAX))
                    .append('?');
        }
        text.append("\nExample: ").append(code(invalid.option() + ":" + invalid.example()));
        return text.toString();
    }

    /** Where a subscription's alerts go, in words: "by DM" or "in #channel". */
    static String where(String target) {
        return switch (Target.parse(target)) {
            case Target.DiscordChannel channel -> "in <#" + channel.channelId() + ">";
            case Target.DiscordUser user -> "by DM";
            case Target.Console console -> "on the console";
            case Target.SlackWebhook slack -> "in Slack";
            case Target.DiscordWebhook webhook -> "by a Discord webhook";
            case Target.JsonWebhook webhook -> "by a webhook";
        };
    }

    /** Text shown as inline code; backticks are dropped because nothing can escape them inside code. */
    static String code(String text) {
        return "`" + text.replace("`", "") + "`";
    }
}

package dev.tern.discord;

import dev.tern.config.Target;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.DeliveryException.Kind;
import dev.tern.deliver.MessagePlan;
import dev.tern.deliver.Notifier;
import dev.tern.deliver.Receipt;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert messages to Discord channels ({@code discord:channel/ID}) and DMs ({@code discord:user/ID}): up to
 * 10 embeds per message, one digest when more than {@code digest} arrive at once, no mentions ever. Each message
 * goes with its own key as an enforced nonce, so a repeat within Discord's nonce window returns the message Discord
 * already has; after that window the channel is searched for the key's marker before sending again. Rate limits
 * are JDA's job.
 */
public final class DiscordNotifier implements Notifier {

    /**
     * How long Tern trusts Discord to remember a nonce. Discord keeps them "a few minutes"; a message first tried
     * longer ago than this is looked for in the channel before it is sent again.
     */
    static final Duration NONCE_WINDOW = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(DiscordNotifier.class);

    private final JDA jda;
    private final int digest;
    private final Clock clock;

    /**
     * @param jda a ready JDA
     * @param digest more alerts than this for one target at once become one digest message
     * @param clock tells how long ago a message was first tried
     */
    public DiscordNotifier(JDA jda, int digest, Clock clock) {
        this.jda = jda;
        this.digest = digest;
        this.clock = clock;
    }

    @Override
    public boolean handles(String target) {
        return discordTarget(target) != null;
    }

    /** One digest, or batches within Discord's per-message limits (leaving room for a later "closed" edit). */
    @Override
    public List<MessagePlan> plan(String target, List<Alert> alerts) {
        return AlertMessages.plan(alerts, digest);
    }

    @Override
    public Receipt send(AlertMessage message) throws DeliveryException {
        String target = message.target();
        MessageChannel channel = channel(target);
        if (beyondNonceWindow(message)) {
            Optional<Message> earlier = new SentMessageSearch(jda.getSelfUser().getId()).find(channel, message);
            if (earlier.isPresent()) {
                log.info("Message {} to {} was sent before: found it in the channel", message.id(), target);
                return receipt(earlier.get());
            }
        }
        Message sent = DiscordFailures.await(
                target,
                channel.sendMessage(AlertMessages.create(message))
                        .setNonce(message.key())
                        .submit());
        if (!AlertMessages.carries(sent, message.key())) {
            // the nonce brought back an older message that is not this one: this one was not sent
            throw DeliveryException.transientFailure(
                    "Discord answered nonce " + message.key() + " with message " + sent.getId()
                            + ", which is another message; will try again",
                    null);
        }
        log.debug(
                "Sent message {} ({} alert(s)) to {} as {}",
                message.id(),
                message.alerts().size(),
                target,
                sent.getId());
        return receipt(sent);
    }

    @Override
    public void edit(AlertMessage message) throws DeliveryException {
        String target = message.target();
        MessageChannel channel = channel(target);
        DiscordFailures.await(
                target,
                channel.editMessageById(message.receipt().messageId(), AlertMessages.edit(message))
                        .submit());
    }

    private boolean beyondNonceWindow(AlertMessage message) {
        return message.firstTriedAt() != null
                && message.firstTriedAt().plus(NONCE_WINDOW).isBefore(clock.instant());
    }

    private static Receipt receipt(Message sent) {
        return new Receipt(sent.getChannelId(), sent.getId());
    }

    /** The Discord channel or user {@code target} names, or null for any other target. */
    private static Target discordTarget(String target) {
        try {
            Target parsed = Target.parse(target);
            return parsed instanceof Target.DiscordChannel || parsed instanceof Target.DiscordUser ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private MessageChannel channel(String target) throws DeliveryException {
        if (discordTarget(target) instanceof Target.DiscordUser user) {
            return DiscordFailures.await(
                    target, jda.openPrivateChannelById(user.userId()).submit());
        }
        String channelId = ((Target.DiscordChannel) discordTarget(target)).channelId();
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            throw DeliveryException.permanent(
                    Kind.TARGET_GONE,
                    "channel " + channelId + " is unknown to the bot (deleted, or not in a server the bot is in)");
        }
        return channel;
    }
}

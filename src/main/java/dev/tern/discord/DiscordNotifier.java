package dev.tern.discord;

import dev.tern.deliver.Alert;
import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.DeliveryException.Kind;
import dev.tern.deliver.Notifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to Discord channels ({@code discord:channel/ID}) and DMs ({@code discord:user/ID}): up to 10
 * embeds per message, one digest when more than {@code digest} arrive at once, no mentions ever, and a nonce from
 * the delivery row (enforced) so that a retry after a crash never posts twice. Rate limits are JDA's job.
 */
public final class DiscordNotifier implements Notifier {

    public static final String CHANNEL = "discord:channel/";
    public static final String USER = "discord:user/";

    static final int EMBEDS_PER_MESSAGE = Message.MAX_EMBED_COUNT;
    static final int BUTTONS_PER_ROW = 5;
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(DiscordNotifier.class);
    private static final String NONCE_PREFIX = "tern-";

    private final JDA jda;
    private final int digest;

    /**
     * @param jda a ready JDA
     * @param digest more alerts than this for one target in one cycle become one digest message
     */
    public DiscordNotifier(JDA jda, int digest) {
        this.jda = jda;
        this.digest = digest;
    }

    @Override
    public boolean handles(String target) {
        return target.startsWith(CHANNEL) || target.startsWith(USER);
    }

    @Override
    public List<String> send(String target, List<Alert> alerts) throws DeliveryException {
        MessageChannel channel = channel(target);
        List<String> ids = new ArrayList<>(alerts.size());
        for (List<Alert> batch : messages(alerts)) {
            Message sent = await(
                    target,
                    channel.sendMessage(message(batch)).setNonce(nonce(batch)).submit());
            batch.forEach(alert -> ids.add(sent.getId()));
        }
        log.debug(
                "Sent {} alert(s) to {} in {} message(s)",
                alerts.size(),
                target,
                ids.stream().distinct().count());
        return ids;
    }

    /** How the alerts are split into messages: one digest, or batches within Discord's per-message limits. */
    List<List<Alert>> messages(List<Alert> alerts) {
        if (alerts.size() > digest) {
            return List.of(alerts);
        }
        List<List<Alert>> batches = new ArrayList<>();
        List<Alert> current = new ArrayList<>();
        int length = 0;
        for (Alert alert : alerts) {
            int size = AlertEmbeds.embed(alert).getLength();
            if (!current.isEmpty()
                    && (current.size() == EMBEDS_PER_MESSAGE || length + size > MessageEmbed.EMBED_MAX_LENGTH_BOT)) {
                batches.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            current.add(alert);
            length += size;
        }
        batches.add(current);
        return batches;
    }

    MessageCreateData message(List<Alert> batch) {
        MessageCreateBuilder message =
                new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (batch.size() > digest) {
            return message.setEmbeds(AlertEmbeds.digest(batch)).build();
        }
        message.setEmbeds(batch.stream().map(AlertEmbeds::embed).toList());
        List<Button> buttons = batch.stream()
                .map(alert -> AlertEmbeds.applyButton(alert, batch.size() > 1))
                .flatMap(Optional::stream)
                .toList();
        for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
            message.addComponents(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))));
        }
        return message.build();
    }

    private static String nonce(List<Alert> batch) {
        return NONCE_PREFIX + batch.get(0).deliveryId();
    }

    private MessageChannel channel(String target) throws DeliveryException {
        if (target.startsWith(USER)) {
            String userId = target.substring(USER.length());
            return await(target, jda.openPrivateChannelById(userId).submit());
        }
        String channelId = target.substring(CHANNEL.length());
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            throw DeliveryException.permanent(
                    Kind.TARGET_GONE,
                    "channel " + channelId + " is unknown to the bot (deleted, or not in a server the bot is in)");
        }
        return channel;
    }

    private static <T> T await(String target, java.util.concurrent.CompletableFuture<T> future)
            throws DeliveryException {
        try {
            return future.get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw DeliveryException.transientFailure("interrupted while sending to " + target, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw DeliveryException.transientFailure(
                    "Discord did not answer within " + SEND_TIMEOUT.toSeconds() + "s", e);
        } catch (ExecutionException e) {
            throw translate(target, e.getCause());
        }
    }

    static DeliveryException translate(String target, Throwable failure) {
        if (failure instanceof InsufficientPermissionException e) {
            return DeliveryException.permanent(
                    Kind.TARGET_GONE, "the bot lacks " + e.getPermission().getName() + " in " + target);
        }
        if (failure instanceof ErrorResponseException e) {
            ErrorResponse error = e.getErrorResponse();
            String what = "Discord error " + e.getErrorCode() + " (" + e.getMeaning() + ") sending to " + target;
            return switch (error) {
                case UNKNOWN_CHANNEL, MISSING_ACCESS, MISSING_PERMISSIONS, UNKNOWN_USER ->
                    DeliveryException.permanent(Kind.TARGET_GONE, what);
                case CANNOT_SEND_TO_USER -> DeliveryException.permanent(Kind.RECIPIENT_CLOSED, what);
                default ->
                    e.isServerError() || e.getErrorCode() == -1
                            ? DeliveryException.transientFailure(what, e)
                            : DeliveryException.permanent(Kind.REJECTED, what);
            };
        }
        return DeliveryException.transientFailure("sending to " + target + " failed: " + failure, failure);
    }
}

package dev.tern.discord;

import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.DeliveryException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a message Tern may have sent long ago (after Discord forgot its nonce) among the channel's messages since
 * its first try, by the marker in its footer.
 */
final class SentMessageSearch {

    /** Messages are read from this long before the first try, in case this machine's clock runs ahead of Discord's. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    static final int PAGE = 100;
    /** At most this many pages (10,000 messages) are read; a busier channel is not searched further. */
    static final int MAX_PAGES = 100;

    private static final Logger log = LoggerFactory.getLogger(SentMessageSearch.class);

    private final String selfId;

    SentMessageSearch(String selfId) {
        this.selfId = selfId;
    }

    /** The message the bot sent with this message's marker since its first try, if the channel has it. */
    Optional<Message> find(MessageChannel channel, AlertMessage message) throws DeliveryException {
        long from = message.firstTriedAt().minus(CLOCK_SLACK).toEpochMilli();
        String after = Long.toUnsignedString(TimeUtil.getDiscordTimestamp(from));
        for (int page = 0; page < MAX_PAGES; page++) {
            List<Message> found;
            try {
                found = DiscordFailures.await(
                                message.target(),
                                channel.getHistoryAfter(after, PAGE).submit())
                        .getRetrievedHistory();
            } catch (InsufficientPermissionException e) {
                return cannotSearch(
                        message, "the bot lacks " + e.getPermission().getName());
            } catch (DeliveryException e) {
                if (!e.isPermanent()) {
                    throw e;
                }
                return cannotSearch(message, e.getMessage());
            }
            Optional<Message> ours = found.stream()
                    .filter(m -> m.getAuthor().getId().equals(selfId))
                    .filter(m -> AlertMessages.carries(m, message.key()))
                    .findFirst();
            if (ours.isPresent() || found.size() < PAGE) {
                return ours;
            }
            after = found.stream()
                    .map(Message::getIdLong)
                    .max(Long::compareUnsigned)
                    .map(Long::toUnsignedString)
                    .orElseThrow();
        }
        log.warn(
                "Message {} not found in the first {} messages of {}",
                message.id(),
                PAGE * MAX_PAGES,
                message.target());
        return Optional.empty();
    }

    private static Optional<Message> cannotSearch(AlertMessage message, String why) {
        log.warn(
                "Cannot look for message {} in {} ({}); sending it again, so it may show twice",
                message.id(),
                message.target(),
                why);
        return Optional.empty();
    }
}

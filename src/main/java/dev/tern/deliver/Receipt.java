package dev.tern.deliver;

/**
 * Where a target put a message, so that it can be edited later.
 *
 * @param channelId the channel it is in (for a Discord user, the DM channel), or null when the target has none
 * @param messageId the target's id for it, or null when the target has none (console, incoming webhooks)
 */
public record Receipt(String channelId, String messageId) {

    /** For targets that keep no message to edit. */
    public static final Receipt NONE = new Receipt(null, null);
}

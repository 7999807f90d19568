package dev.tern.discord;

import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.MessagePlan;
import dev.tern.store.MessageLayout;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A whole Discord message of alerts, for sending and for editing: its embeds (one per alert, or one digest) with
 * the message's marker in their footers, an Apply button per open posting, and no mentions allowed. Rendered from
 * the postings as stored now, so a send and every later edit agree, and editing twice gives the same message.
 */
final class AlertMessages {

    static final int BUTTONS_PER_ROW = 5;
    static final int EMBEDS_PER_MESSAGE = Message.MAX_EMBED_COUNT;

    private AlertMessages() {}

    static MessageCreateData create(AlertMessage message) {
        return new MessageCreateBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setEmbeds(embeds(message))
                .setComponents(rows(message))
                .build();
    }

    /** The edit that makes a sent message show its postings as they are now (the Apply button of a closed one gone). */
    static MessageEditData edit(AlertMessage message) {
        return new MessageEditBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setEmbeds(embeds(message))
                .setComponents(rows(message))
                .build();
    }

    /** Whether a message Discord holds is this one: one of its embeds carries the marker. */
    static boolean carries(Message sent, String key) {
        return sent.getEmbeds().stream()
                .map(MessageEmbed::getFooter)
                .anyMatch(footer -> footer != null && AlertEmbeds.hasMarker(footer.getText(), key));
    }

    private static List<MessageEmbed> embeds(AlertMessage message) {
        if (message.layout() == MessageLayout.DIGEST) {
            return List.of(AlertEmbeds.digest(message.alerts(), message.key()));
        }
        boolean several = message.alerts().size() > 1;
        return message.alerts().stream()
                .map(alert -> AlertEmbeds.embed(alert, several, message.key()))
                .toList();
    }

    private static List<ActionRow> rows(AlertMessage message) {
        if (message.layout() == MessageLayout.DIGEST) {
            return List.of();
        }
        boolean several = message.alerts().size() > 1;
        List<Button> buttons = message.alerts().stream()
                .map(alert -> AlertEmbeds.applyButton(alert, several))
                .flatMap(Optional::stream)
                .toList();
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
            rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))));
        }
        return rows;
    }

    /**
     * How alerts for one target go in messages: one digest when there are more than {@code digest}, else batches
     * within Discord's per-message limits (leaving room for a later "closed" edit).
     */
    static List<MessagePlan> plan(List<Alert> alerts, int digest) {
        if (alerts.size() > digest) {
            return List.of(new MessagePlan(alerts, MessageLayout.DIGEST));
        }
        List<MessagePlan> plans = new ArrayList<>();
        List<Alert> current = new ArrayList<>();
        int length = 0;
        for (Alert alert : alerts) {
            int size = length(alert);
            if (!current.isEmpty()
                    && (current.size() == EMBEDS_PER_MESSAGE || length + size > MessageEmbed.EMBED_MAX_LENGTH_BOT)) {
                plans.add(new MessagePlan(current, MessageLayout.ITEMS));
                current = new ArrayList<>();
                length = 0;
            }
            current.add(alert);
            length += size;
        }
        plans.add(new MessagePlan(current, MessageLayout.ITEMS));
        return plans;
    }

    /** The alerts' share of the embed-length budget when they go in one message of embeds. */
    static int length(Alert alert) {
        return AlertEmbeds.embed(alert).getLength() + AlertEmbeds.ROOM_PER_EMBED;
    }
}

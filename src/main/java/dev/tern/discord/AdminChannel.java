package dev.tern.discord;

import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.DeliveryException.Kind;
import dev.tern.deliver.NoticeSink;
import dev.tern.discord.commands.Commands;
import dev.tern.store.AdminNotice;
import java.awt.Color;
import java.util.EnumSet;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * Posts admin notices in {@code discord.adminChannel}: one embed per notice, coloured by what happened, never
 * mentioning anyone; a held poll's notice carries an Accept button that does what {@code /tern accept} does.
 */
final class AdminChannel implements NoticeSink {

    private static final Color TROUBLE = new Color(0xD9534F);
    private static final Color HELD = new Color(0xF0AD4E);
    private static final Color GOOD = new Color(0x5CB85C);

    private final JDA jda;
    private final String channelId;

    AdminChannel(JDA jda, String channelId) {
        this.jda = jda;
        this.channelId = channelId;
    }

    @Override
    public void tell(AdminNotice notice) throws DeliveryException {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        String target = "admin channel " + channelId;
        if (channel == null) {
            throw DeliveryException.permanent(
                    Kind.TARGET_GONE,
                    "discord.adminChannel " + channelId + " is unknown to the bot (deleted, or not in a server the"
                            + " bot is in)");
        }
        MessageCreateBuilder message = new MessageCreateBuilder()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setEmbeds(embed(notice));
        // a notice written before holds had an identity (no subject) gets no button: /tern accept still works
        if (notice.kind() == AdminNotice.Kind.SOURCE_HELD && notice.sourceId() != null && notice.subject() != null) {
            message.addComponents(ActionRow.of(Button.danger(
                    Commands.acceptButtonId(notice.sourceId(), notice.subject()), "Accept: close them now")));
        }
        DiscordFailures.await(target, channel.sendMessage(message.build()).submit());
    }

    private static MessageEmbed embed(AdminNotice notice) {
        return new EmbedBuilder()
                .setTitle(title(notice))
                .setDescription(DiscordText.literal(notice.message(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setColor(colour(notice.kind()))
                .setTimestamp(notice.createdAt())
                .build();
    }

    private static String title(AdminNotice notice) {
        String about = notice.sourceId() != null ? "Source " + notice.sourceId() : "Delivery";
        String what =
                switch (notice.kind()) {
                    case SOURCE_FAILING -> "is failing";
                    case SOURCE_RECOVERED -> "recovered";
                    case SOURCE_HELD -> "poll held";
                    case HOLD_CONFIRMED -> "hold confirmed";
                    case HOLD_CLEARED -> "hold cleared";
                    case HOLD_ACCEPTED -> "hold accepted";
                    case TARGET_BROKEN -> "target broken";
                    case RECIPIENT_CLOSED -> "DMs closed";
                };
        return DiscordText.literal(about + ": " + what, MessageEmbed.TITLE_MAX_LENGTH);
    }

    private static Color colour(AdminNotice.Kind kind) {
        return switch (kind) {
            case SOURCE_FAILING, TARGET_BROKEN, RECIPIENT_CLOSED -> TROUBLE;
            case SOURCE_HELD -> HELD;
            case SOURCE_RECOVERED, HOLD_CONFIRMED, HOLD_CLEARED, HOLD_ACCEPTED -> GOOD;
        };
    }
}

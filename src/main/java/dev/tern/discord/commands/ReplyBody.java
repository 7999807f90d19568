package dev.tern.discord.commands;

import dev.tern.discord.DiscordText;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * What a command shows: text, embeds and rows of buttons, sent as a new reply or as the new state of the message a
 * button sat on. It can mention no one, and its text is cut to Discord's limit.
 *
 * @param content the text, Markdown already escaped where it quotes users or postings
 * @param embeds at most ten embeds
 * @param rows at most five rows of buttons
 */
record ReplyBody(String content, List<MessageEmbed> embeds, List<ActionRow> rows) {

    /** Nothing anyone can be pinged by: no users, roles, @everyone or @here. */
    static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    ReplyBody {
        content = DiscordText.cut(content == null ? "" : content, Message.MAX_CONTENT_LENGTH);
        embeds = List.copyOf(embeds);
        rows = List.copyOf(rows);
    }

    static ReplyBody text(String content) {
        return new ReplyBody(content, List.of(), List.of());
    }

    MessageCreateData create() {
        return new MessageCreateBuilder()
                .setContent(content)
                .setEmbeds(embeds)
                .setComponents(rows)
                .setAllowedMentions(NO_MENTIONS)
                .build();
    }

    /** The whole new state of an edited message: parts left empty here are removed from it. */
    MessageEditData edit() {
        return new MessageEditBuilder()
                .setReplace(true)
                .setContent(content)
                .setEmbeds(embeds)
                .setComponents(rows)
                .setAllowedMentions(NO_MENTIONS)
                .build();
    }
}

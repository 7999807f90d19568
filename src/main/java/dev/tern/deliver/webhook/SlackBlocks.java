package dev.tern.deliver.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.deliver.Alert;
import dev.tern.deliver.AlertMessage;
import dev.tern.deliver.AlertText;
import dev.tern.posting.FactsText;
import dev.tern.posting.Posting;
import dev.tern.store.MessageLayout;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A message of alerts as Slack Block Kit: per posting a header (company – title), a section of fields (where,
 * workplace, start, posted, role facts), an Apply button, and after them a context line naming what matched; or,
 * for a digest, a compact list of links. A plain {@code text} goes with it for notifications and old clients.
 * Every posting text is escaped and cut to Slack's limits (header 150, field 2000, section 3000, button URL 3000,
 * 50 blocks).
 */
final class SlackBlocks {

    static final int HEADER_MAX = 150;
    static final int FIELD_MAX = 2000;
    static final int SECTION_MAX = 3000;
    static final int URL_MAX = 3000;
    static final int BLOCKS_MAX = 50;
    static final int FALLBACK_MAX = 3000;
    /** Postings in one message of items: 4 blocks each and a divider between them stay within 50 blocks. */
    static final int ITEMS_PER_MESSAGE = 10;

    private static final int SHOWN_LOCATIONS = 3;
    private static final int DIGEST_LINE_MAX = 400;
    /** Room kept in a digest's last section for "…and N more". */
    private static final int MORE_ROOM = 40;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SlackBlocks() {}

    /** The JSON body of the incoming webhook call. */
    static byte[] render(AlertMessage message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", fallback(message.alerts()));
        ArrayNode blocks = body.putArray("blocks");
        if (message.layout() == MessageLayout.DIGEST) {
            digest(blocks, message.alerts());
        } else {
            for (int i = 0; i < message.alerts().size(); i++) {
                if (i > 0) {
                    blocks.addObject().put("type", "divider");
                }
                item(blocks, message.alerts().get(i));
            }
        }
        context(blocks, message.alerts().getFirst());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Slack message", e);
        }
    }

    private static void item(ArrayNode blocks, Alert alert) {
        Posting p = alert.posting();
        String headline = (p.company().isEmpty() ? "" : p.company() + " – ") + p.title();
        ObjectNode header = blocks.addObject().put("type", "header");
        plain(header.putObject("text"), SlackText.literal((alert.closed() ? "Closed: " : "") + headline, HEADER_MAX));
        ObjectNode section = blocks.addObject().put("type", "section");
        ArrayNode fields = section.putArray("fields");
        field(fields, "Location", places(p));
        field(fields, "Workplace", p.remote() == null ? "Not given" : p.remote() ? "Remote" : "On-site or hybrid");
        if (p.term() != null) {
            field(fields, "Start", p.term().display());
        }
        if (p.postedAt() != null) {
            field(fields, "Posted", DAY.format(p.postedAt()));
        }
        String facts = FactsText.of(p);
        if (!facts.isEmpty()) {
            field(fields, "Role", facts);
        }
        field(fields, "Source", p.sourceId());
        if (!alert.closed() && usableUrl(p.url())) {
            ObjectNode button = blocks.addObject()
                    .put("type", "actions")
                    .putArray("elements")
                    .addObject()
                    .put("type", "button")
                    .put("url", p.url())
                    .put("style", "primary");
            plain(button.putObject("text"), "Apply");
        }
    }

    private static void digest(ArrayNode blocks, List<Alert> alerts) {
        ObjectNode header = blocks.addObject().put("type", "header");
        plain(header.putObject("text"), alerts.size() + " new postings match");
        StringBuilder text = new StringBuilder();
        int sections = 0;
        int room = BLOCKS_MAX - 3;
        for (int i = 0; i < alerts.size(); i++) {
            String line = "• " + digestLine(alerts.get(i)) + "\n";
            if (text.length() + line.length() > SECTION_MAX - MORE_ROOM) {
                if (sections + 1 == room) {
                    text.append("…and ").append(alerts.size() - i).append(" more");
                    break;
                }
                mrkdwnSection(blocks, text.toString());
                sections++;
                text.setLength(0);
            }
            text.append(line);
        }
        mrkdwnSection(blocks, text.toString());
    }

    private static String digestLine(Alert alert) {
        Posting p = alert.posting();
        String title = SlackText.literal(p.title(), HEADER_MAX);
        String company = p.company().isEmpty() ? "" : "*" + SlackText.literal(p.company(), HEADER_MAX) + "* — ";
        String line =
                company + SlackText.link(p.url(), title, URL_MAX) + " · " + SlackText.literal(places(p), FIELD_MAX);
        String shown = line.length() > DIGEST_LINE_MAX ? company + title : line;
        return alert.closed() ? "~" + shown + "~ (closed)" : shown;
    }

    private static void context(ArrayNode blocks, Alert alert) {
        String matched = alert.routeId() != null
                ? "Route " + alert.routeId() + " matched. Admins change routes in tern.yml."
                : "Sent by Tern (" + alert.matchedBy() + ").";
        ObjectNode element = blocks.addObject()
                .put("type", "context")
                .putArray("elements")
                .addObject()
                .put("type", "mrkdwn");
        element.put("text", SlackText.literal(matched, FIELD_MAX));
    }

    /** The notification text: each posting's headline, escaped. */
    private static String fallback(List<Alert> alerts) {
        if (alerts.size() == 1) {
            Posting p = alerts.getFirst().posting();
            return SlackText.literal(
                    "New posting: " + (p.company().isEmpty() ? "" : p.company() + " – ") + p.title() + " ("
                            + AlertText.where(p) + ")",
                    FALLBACK_MAX);
        }
        StringBuilder text = new StringBuilder(alerts.size() + " new postings: ");
        for (int i = 0; i < alerts.size(); i++) {
            Posting p = alerts.get(i).posting();
            text.append(i == 0 ? "" : "; ")
                    .append(p.company().isEmpty() ? "" : p.company() + " – ")
                    .append(p.title());
        }
        return SlackText.literal(text.toString(), FALLBACK_MAX);
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject()
                .put("type", "mrkdwn")
                .put("text", "*" + name + "*\n" + SlackText.literal(value, FIELD_MAX - name.length() - 3));
    }

    private static void mrkdwnSection(ArrayNode blocks, String text) {
        blocks.addObject()
                .put("type", "section")
                .putObject("text")
                .put("type", "mrkdwn")
                .put("text", text);
    }

    private static void plain(ObjectNode text, String value) {
        text.put("type", "plain_text")
                .put("text", value.isEmpty() ? "-" : value)
                .put("emoji", false);
    }

    private static String places(Posting p) {
        String places = p.places(SHOWN_LOCATIONS);
        return places.isEmpty() ? "Not given" : places;
    }

    private static boolean usableUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && url.length() <= URL_MAX;
    }
}

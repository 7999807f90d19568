package dev.tern.source.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.JsonFields;
import dev.tern.source.web.PostingIds;
import dev.tern.source.web.WebDates;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Turns one schema.org {@code JobPosting} object into a posting: {@code jobLocation} (Place, PostalAddress or text;
 * one or many) and {@code applicantLocationRequirements} become locations, {@code jobLocationType: TELECOMMUTE} means
 * remote, {@code validThrough} is kept so that a past one closes the posting, {@code description} (HTML) becomes
 * plain text.
 */
final class JobPostingReader {

    /** Values some sites put where they have no data ("UNAVAILABLE" in iCIMS addresses). */
    private static final Set<String> PLACEHOLDERS = Set.of("unavailable", "n/a", "na", "none", "null", "-");

    private JobPostingReader() {}

    /** The posting, or null when it has no title. */
    static RawPosting read(JsonNode job, String pageUrl) {
        String title = text(job, "title");
        if (title == null) {
            return null;
        }
        String url = resolve(pageUrl, text(job, "url"));
        String identifier = identifier(job.get("identifier"));
        return RawPosting.builder(identifier != null ? identifier : PostingIds.of(url, title), title)
                .company(name(job.get("hiringOrganization")))
                .url(url)
                .locations(locations(job))
                .remote(isTelecommute(job) ? Boolean.TRUE : null)
                .employmentType(joined(job, "employmentType"))
                .postedAt(WebDates.parse(text(job, "datePosted")))
                .validThrough(WebDates.parse(text(job, "validThrough")))
                .description(Descriptions.of(Collections.singletonList(text(job, "description"))))
                .build();
    }

    private static List<String> locations(JsonNode job) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode place : list(job.get("jobLocation"))) {
            addIfPresent(out, place(place));
        }
        for (JsonNode area : list(job.get("applicantLocationRequirements"))) {
            addIfPresent(out, name(area));
        }
        return List.copyOf(out);
    }

    private static String place(JsonNode place) {
        if (place.isTextual()) {
            return clean(place.asText());
        }
        JsonNode address = place.get("address");
        if (address != null && address.isTextual()) {
            return clean(address.asText());
        }
        List<String> parts = new ArrayList<>();
        if (address != null && address.isObject()) {
            addIfPresent(parts, clean(JsonFields.text(address, "addressLocality")));
            addIfPresent(parts, clean(JsonFields.text(address, "addressRegion")));
            addIfPresent(parts, name(address.get("addressCountry")));
        }
        return parts.isEmpty() ? clean(JsonFields.text(place, "name")) : String.join(", ", parts);
    }

    private static boolean isTelecommute(JsonNode job) {
        return JsonFields.texts(job, "jobLocationType").stream().anyMatch("TELECOMMUTE"::equalsIgnoreCase);
    }

    /** A PropertyValue's {@code value}, or a plain string or number. */
    private static String identifier(JsonNode identifier) {
        if (identifier == null) {
            return null;
        }
        return identifier.isObject() ? JsonFields.text(identifier, "value") : JsonFields.trimmed(identifier);
    }

    /** An object's {@code name}, or the text itself. */
    private static String name(JsonNode node) {
        if (node == null) {
            return null;
        }
        return clean(node.isObject() ? JsonFields.text(node, "name") : JsonFields.trimmed(node));
    }

    private static String joined(JsonNode job, String field) {
        List<String> values = JsonFields.texts(job, field);
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static String text(JsonNode job, String field) {
        String value = JsonFields.text(job, field);
        return value == null ? null : Parser.unescapeEntities(value, false).strip();
    }

    private static String clean(String value) {
        return value == null || PLACEHOLDERS.contains(value.strip().toLowerCase(Locale.ROOT)) ? null : value.strip();
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(out::add);
        } else if (node != null && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    private static String resolve(String pageUrl, String url) {
        if (url == null) {
            return pageUrl;
        }
        try {
            return URI.create(pageUrl).resolve(url).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static <T> void addIfPresent(Collection<T> out, T value) {
        if (value != null) {
            out.add(value);
        }
    }
}

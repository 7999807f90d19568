package dev.tern.source.lever;

import static dev.tern.source.JsonFields.epoch;
import static dev.tern.source.JsonFields.required;
import static dev.tern.source.JsonFields.text;
import static dev.tern.source.JsonFields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one page of the Lever postings API ({@code /v0/postings/{site}?mode=json}): a JSON array of postings. The
 * URL is {@code hostedUrl}, else {@code applyUrl}; locations are {@code categories.location} then
 * {@code allLocations} (the {@code country} code when both are empty); {@code workplaceType} says remote or not.
 * The description is {@code descriptionPlain}, each of {@code lists} (its heading and items) and
 * {@code additionalPlain}.
 */
public final class LeverParser {

    private LeverParser() {}

    /**
     * @param body one page of the response
     * @param url the page URL, for messages
     * @param fallbackCompany the company name to give every posting (Lever postings carry none), or null
     */
    public static List<RawPosting> parse(byte[] body, String url, String fallbackCompany) throws FetchException {
        JsonNode root = JsonFields.read(body, url);
        if (!root.isArray()) {
            String error = text(root, "error");
            throw new FetchException("unexpected response from " + url + ": expected a JSON array of postings"
                    + (error == null ? "" : ", got the error '" + error + "'"));
        }
        List<RawPosting> postings = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            postings.add(toPosting(root.get(i), "[" + i + "]", url, fallbackCompany));
        }
        return postings;
    }

    private static RawPosting toPosting(JsonNode posting, String where, String url, String company)
            throws FetchException {
        JsonNode categories = posting.get("categories");
        String hosted = text(posting, "hostedUrl");
        List<String> teams = new ArrayList<>(texts(categories, "team"));
        texts(categories, "department").stream().filter(d -> !teams.contains(d)).forEach(teams::add);
        return RawPosting.builder(required(posting, "id", where, url), required(posting, "text", where, url))
                .company(company)
                .url(hosted != null ? hosted : text(posting, "applyUrl"))
                .locations(locations(posting, categories))
                .remote(remote(text(posting, "workplaceType")))
                .postedAt(epoch(posting, "createdAt", true))
                .employmentType(text(categories, "commitment"))
                .categories(teams)
                .description(description(posting))
                .build();
    }

    private static String description(JsonNode posting) {
        List<String> parts = new ArrayList<>();
        parts.add(text(posting, "descriptionPlain"));
        JsonNode lists = posting.get("lists");
        if (lists != null && lists.isArray()) {
            for (JsonNode list : lists) {
                parts.add(text(list, "text"));
                parts.add(text(list, "content"));
            }
        }
        parts.add(text(posting, "additionalPlain"));
        return Descriptions.of(parts);
    }

    private static List<String> locations(JsonNode posting, JsonNode categories) {
        Set<String> locations = new LinkedHashSet<>(texts(categories, "location"));
        locations.addAll(texts(categories, "allLocations"));
        if (locations.isEmpty()) {
            locations.addAll(texts(posting, "country"));
        }
        return List.copyOf(locations);
    }

    /** {@code remote} is remote; {@code on-site} and {@code hybrid} are not; anything else is unknown. */
    static Boolean remote(String workplaceType) {
        if (workplaceType == null) {
            return null;
        }
        return switch (workplaceType.toLowerCase(Locale.ROOT)) {
            case "remote" -> Boolean.TRUE;
            case "on-site", "onsite", "hybrid" -> Boolean.FALSE;
            default -> null;
        };
    }
}

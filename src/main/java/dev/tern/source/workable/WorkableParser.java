package dev.tern.source.workable;

import static dev.tern.source.JsonFields.required;
import static dev.tern.source.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reads a Workable widget API answer ({@code /api/v1/widget/accounts/{account}}): the account {@code name} and
 * {@code jobs[]}. The {@code shortcode} is the id; locations are the visible entries of {@code locations[]} (all of
 * them when every one is hidden, else {@code city}/{@code state}/{@code country}); {@code telecommuting} says remote;
 * {@code published_on} is a date, read as the start of that day in UTC.
 */
public final class WorkableParser {

    private WorkableParser() {}

    /**
     * @param body the response body
     * @param url the source URL, for messages
     * @param fallbackCompany the company when the account has no {@code name}, or null
     */
    public static List<RawPosting> parse(byte[] body, String url, String fallbackCompany) throws FetchException {
        JsonNode root = JsonFields.readObject(body, url, " with 'jobs'");
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new FetchException(
                    "unexpected response from " + url + ": no 'jobs' array (is this a Workable" + " widget API URL?)");
        }
        String name = text(root, "name");
        String company = name != null ? decode(name) : fallbackCompany;
        List<RawPosting> postings = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            postings.add(toPosting(jobs.get(i), "jobs[" + i + "]", url, company));
        }
        return postings;
    }

    private static RawPosting toPosting(JsonNode job, String where, String url, String company) throws FetchException {
        String department = text(job, "department");
        Instant published = date(text(job, "published_on"));
        JsonNode telecommuting = job.get("telecommuting");
        return RawPosting.builder(required(job, "shortcode", where, url), decode(required(job, "title", where, url)))
                .company(company)
                .url(firstOf(job, "url", "shortlink", "application_url"))
                .locations(locations(job))
                .remote(telecommuting != null && telecommuting.isBoolean() ? telecommuting.asBoolean() : null)
                .postedAt(published != null ? published : date(text(job, "created_at")))
                .employmentType(text(job, "employment_type"))
                .categories(department == null ? List.of() : List.of(decode(department)))
                .description(Descriptions.of(Collections.singletonList(text(job, "description"))))
                .build();
    }

    private static List<String> locations(JsonNode job) {
        Set<String> visible = new LinkedHashSet<>();
        Set<String> hidden = new LinkedHashSet<>();
        JsonNode array = job.get("locations");
        if (array != null && array.isArray()) {
            array.forEach(location -> {
                String place = place(location, "city", "region", "country");
                if (place != null) {
                    (location.path("hidden").asBoolean(false) ? hidden : visible).add(decode(place));
                }
            });
        }
        if (!visible.isEmpty()) {
            return List.copyOf(visible);
        }
        if (!hidden.isEmpty()) {
            return List.copyOf(hidden);
        }
        String place = place(job, "city", "state", "country");
        return place == null ? List.of() : List.of(decode(place));
    }

    private static String place(JsonNode node, String... fields) {
        Set<String> parts = new LinkedHashSet<>();
        for (String field : fields) {
            String part = text(node, field);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String firstOf(JsonNode job, String... fields) {
        for (String field : fields) {
            String value = text(job, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** "2026-07-30" as the start of that day in UTC (Workable gives no time); anything else is unknown. */
    static Instant date(String value) {
        try {
            return value == null
                    ? null
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String decode(String value) {
        return Parser.unescapeEntities(value, false);
    }
}

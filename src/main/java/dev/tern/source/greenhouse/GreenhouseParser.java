package dev.tern.source.greenhouse;

import static dev.tern.source.JsonFields.names;
import static dev.tern.source.JsonFields.required;
import static dev.tern.source.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * Reads a Greenhouse Job Board API answer ({@code /v1/boards/{board}/jobs}). Ids are kept as text (they exceed 32
 * bits); {@code location.name} is the location, with the offices' names as a fallback when it is empty;
 * departments become categories; the posting date is {@code first_published}, else {@code updated_at}. The
 * {@code content} (HTML, itself entity-escaped) becomes the plain-text description.
 */
public final class GreenhouseParser {

    private GreenhouseParser() {}

    /**
     * @param body the response body
     * @param url the source URL, for messages
     * @param fallbackCompany the company when a job has no {@code company_name}, or null
     */
    public static List<RawPosting> parse(byte[] body, String url, String fallbackCompany) throws FetchException {
        JsonNode root = JsonFields.readObject(body, url, " with 'jobs'");
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new FetchException("unexpected response from " + url + ": no 'jobs' array (is this a Greenhouse"
                    + " job board API URL?)");
        }
        List<RawPosting> postings = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            postings.add(toPosting(jobs.get(i), "jobs[" + i + "]", url, fallbackCompany));
        }
        return postings;
    }

    private static RawPosting toPosting(JsonNode job, String where, String url, String fallbackCompany)
            throws FetchException {
        String id = required(job, "id", where, url);
        String title = required(job, "title", where, url);
        String company = text(job, "company_name");
        Instant published = instant(job, "first_published");
        return RawPosting.builder(id, title)
                .company(company != null ? company : fallbackCompany)
                .url(text(job, "absolute_url"))
                .locations(locations(job))
                .postedAt(published != null ? published : instant(job, "updated_at"))
                .categories(names(job, "departments"))
                .employmentType(employmentType(job))
                .description(description(text(job, "content")))
                .build();
    }

    /** Greenhouse escapes the HTML of {@code content} ("&lt;p&gt;"): unescape it, then make it plain text. */
    private static String description(String content) {
        return content == null ? null : Descriptions.of(List.of(Parser.unescapeEntities(content, false)));
    }

    private static List<String> locations(JsonNode job) {
        String location = text(job.get("location"), "name");
        return location != null ? List.of(location) : names(job, "offices");
    }

    /** The value of a custom field named like "Employment Type", when the board has one. */
    private static String employmentType(JsonNode job) {
        JsonNode metadata = job.get("metadata");
        if (metadata == null || !metadata.isArray()) {
            return null;
        }
        for (JsonNode field : metadata) {
            String name = text(field, "name");
            if (name != null && name.toLowerCase(Locale.ROOT).contains("employment type")) {
                List<String> values = JsonFields.texts(field, "value");
                return values.isEmpty() ? null : String.join(", ", values);
            }
        }
        return null;
    }

    private static Instant instant(JsonNode job, String field) {
        String value = text(job, field);
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package dev.tern.source.smartrecruiters;

import static dev.tern.source.JsonFields.required;
import static dev.tern.source.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reads one page of the SmartRecruiters postings API ({@code /v1/companies/{companyId}/postings}): {@code content[]}
 * and {@code totalFound}. Ids stay text (they exceed 32 bits); {@code experienceLevel} "internship" becomes the
 * employment type "internship" (else {@code typeOfEmployment.label}); the link is the public job page.
 */
public final class SmartRecruitersParser {

    /** Where a posting's public page is: {@code {JOBS_URL}/{companyId}/{id}}. */
    public static final String JOBS_URL = "https://jobs.smartrecruiters.com";

    private static final String INTERNSHIP = "internship";

    private SmartRecruitersParser() {}

    /**
     * One page of postings.
     *
     * @param postings the page's postings
     * @param totalFound how many postings the company lists in all
     */
    public record Page(List<RawPosting> postings, int totalFound) {
        public Page {
            postings = List.copyOf(postings);
        }
    }

    /**
     * @param body one page of the response
     * @param url the page URL, for messages
     * @param companyId the company identifier, for the posting links
     * @param fallbackCompany the company when a posting names none, or null
     */
    public static Page parse(byte[] body, String url, String companyId, String fallbackCompany) throws FetchException {
        JsonNode root = JsonFields.readObject(body, url, " with 'content'");
        JsonNode content = root.get("content");
        if (content == null || !content.isArray()) {
            throw new FetchException("unexpected response from " + url + ": no 'content' array (is this a"
                    + " SmartRecruiters postings API URL?)");
        }
        List<RawPosting> postings = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            postings.add(toPosting(content.get(i), "content[" + i + "]", url, companyId, fallbackCompany));
        }
        return new Page(postings, root.path("totalFound").asInt(postings.size()));
    }

    private static RawPosting toPosting(JsonNode posting, String where, String url, String companyId, String fallback)
            throws FetchException {
        String id = required(posting, "id", where, url);
        String company = text(posting.get("company"), "name");
        Set<String> categories = new LinkedHashSet<>();
        for (String field : List.of("department", "function")) {
            String label = text(posting.get(field), "label");
            if (label != null) {
                categories.add(decode(label));
            }
        }
        JsonNode location = posting.get("location");
        return RawPosting.builder(id, decode(required(posting, "name", where, url)))
                .company(company != null ? company : fallback)
                .url(JOBS_URL + "/" + companyId + "/" + id)
                .locations(locations(location))
                .remote(
                        location != null && location.path("remote").isBoolean()
                                ? location.get("remote").asBoolean()
                                : null)
                .postedAt(instant(text(posting, "releasedDate")))
                .employmentType(employmentType(posting))
                .categories(List.copyOf(categories))
                .build();
    }

    private static List<String> locations(JsonNode location) {
        String full = text(location, "fullLocation");
        if (full != null) {
            return List.of(decode(full));
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("city", "region", "country")) {
            String part = text(location, field);
            if (part != null) {
                parts.add(field.equals("country") && part.length() == 2 ? part.toUpperCase(Locale.ROOT) : part);
            }
        }
        return parts.isEmpty() ? List.of() : List.of(decode(String.join(", ", parts)));
    }

    /** "internship" when the experience level says so, so the classifier keeps it; else the employment type. */
    private static String employmentType(JsonNode posting) {
        String level = text(posting.get("experienceLevel"), "id");
        if (level != null && level.equalsIgnoreCase(INTERNSHIP)) {
            return INTERNSHIP;
        }
        return text(posting.get("typeOfEmployment"), "label");
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String decode(String value) {
        return Parser.unescapeEntities(value, false);
    }
}

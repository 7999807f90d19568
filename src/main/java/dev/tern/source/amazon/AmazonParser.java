package dev.tern.source.amazon;

import static dev.tern.source.JsonFields.required;
import static dev.tern.source.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import dev.tern.source.PagedListing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads one page of amazon.jobs search ({@code {"hits":N,"jobs":[...]}}). The id is {@code id_icims}; the link is
 * the site plus {@code job_path}; {@code posted_date} is prose ("August  7, 2026") and becomes that day (UTC).
 */
final class AmazonParser {

    static final String COMPANY = "Amazon";
    static final String SITE = "https://www.amazon.jobs";
    private static final DateTimeFormatter POSTED = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMMM d, uuuu")
            .toFormatter(Locale.ENGLISH);

    private AmazonParser() {}

    /**
     * @param body one page of the search answer
     * @param url the search URL (redacted), for messages
     * @throws FetchException when the body is not JSON, has no {@code jobs}, or a posting lacks its id or title
     */
    static PagedListing.Page parse(byte[] body, String url) throws FetchException {
        JsonNode root = JsonFields.readObject(body, url, " with 'jobs'");
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new FetchException(
                    "unexpected response from " + url + ": no 'jobs' array" + " (the site's format may have changed)");
        }
        List<RawPosting> postings = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            postings.add(toPosting(jobs.get(i), "jobs[" + i + "]", url));
        }
        JsonNode hits = root.get("hits");
        return new PagedListing.Page(postings, hits != null && hits.canConvertToLong() ? hits.asLong() : -1);
    }

    private static RawPosting toPosting(JsonNode job, String where, String url) throws FetchException {
        String place = AmazonPlaces.of(text(job, "city"), text(job, "state"), text(job, "country_code"))
                .orElseGet(() -> AmazonPlaces.countryFirst(text(job, "location")));
        return RawPosting.builder(required(job, "id_icims", where, url), required(job, "title", where, url))
                .company(COMPANY)
                .url(link(text(job, "job_path")))
                .locations(place == null ? List.of() : List.of(place))
                .postedAt(postedAt(text(job, "posted_date")))
                .categories(JsonFields.texts(job, "job_category"))
                .description(
                        Descriptions.of(Arrays.asList(text(job, "description"), text(job, "basic_qualifications"))))
                .build();
    }

    static String link(String jobPath) {
        if (jobPath == null) {
            return null;
        }
        if (jobPath.startsWith("https://") || jobPath.startsWith("http://")) {
            return jobPath;
        }
        return SITE + (jobPath.startsWith("/") ? "" : "/") + jobPath;
    }

    /** "August  7, 2026" (the site pads the day with a space) as the start of that day, UTC; null if not a date. */
    static Instant postedAt(String prose) {
        if (prose == null) {
            return null;
        }
        try {
            return LocalDate.parse(prose.strip().replaceAll("\\s+", " "), POSTED)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package dev.tern.source.ashby;

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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reads an Ashby posting API answer ({@code /posting-api/job-board/{board}}): {@code jobs[]}. Jobs with
 * {@code isListed: false} are skipped; the locations are {@code location} then {@code secondaryLocations[]} (each
 * falling back to its postal address); {@code isRemote} or {@code workplaceType} says remote; department and team
 * become categories; {@code employmentType} ("Intern", "FullTime") is passed on as given; the description is
 * {@code descriptionPlain}, else {@code descriptionHtml} as plain text.
 */
public final class AshbyParser {

    private AshbyParser() {}

    /**
     * @param body the response body
     * @param url the source URL, for messages
     * @param company the company name to give every job (Ashby's answer carries none), or null
     */
    public static List<RawPosting> parse(byte[] body, String url, String company) throws FetchException {
        JsonNode jobs = JsonFields.readObject(body, url, " with 'jobs'").get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new FetchException(
                    "unexpected response from " + url + ": no 'jobs' array (is this an Ashby" + " posting API URL?)");
        }
        List<RawPosting> postings = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            JsonNode job = jobs.get(i);
            if (job.path("isListed").asBoolean(true)) {
                postings.add(toPosting(job, "jobs[" + i + "]", url, company));
            }
        }
        return postings;
    }

    private static RawPosting toPosting(JsonNode job, String where, String url, String company) throws FetchException {
        String jobUrl = text(job, "jobUrl");
        Set<String> categories = new LinkedHashSet<>();
        addDecoded(categories, text(job, "department"));
        addDecoded(categories, text(job, "team"));
        return RawPosting.builder(required(job, "id", where, url), decode(required(job, "title", where, url)))
                .company(company)
                .url(jobUrl != null ? jobUrl : text(job, "applyUrl"))
                .locations(locations(job))
                .remote(remote(job))
                .postedAt(instant(text(job, "publishedAt")))
                .employmentType(text(job, "employmentType"))
                .categories(List.copyOf(categories))
                .description(Descriptions.of(Arrays.asList(
                        Optional.ofNullable(text(job, "descriptionPlain")).orElse(text(job, "descriptionHtml")))))
                .build();
    }

    private static List<String> locations(JsonNode job) {
        Set<String> locations = new LinkedHashSet<>();
        addDecoded(locations, place(job));
        JsonNode secondary = job.get("secondaryLocations");
        if (secondary != null && secondary.isArray()) {
            secondary.forEach(location -> addDecoded(locations, place(location)));
        }
        return List.copyOf(locations);
    }

    /** The {@code location} name, else "locality, region, country" from {@code address.postalAddress}. */
    private static String place(JsonNode node) {
        String name = text(node, "location");
        if (name != null) {
            return name;
        }
        JsonNode postal = node.path("address").path("postalAddress");
        List<String> parts = new ArrayList<>();
        for (String field : List.of("addressLocality", "addressRegion", "addressCountry")) {
            String part = text(postal, field);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** {@code isRemote: true} or {@code workplaceType: Remote} is remote; OnSite and Hybrid are not. */
    static Boolean remote(JsonNode job) {
        JsonNode isRemote = job.get("isRemote");
        String workplace = text(job, "workplaceType");
        String type =
                workplace == null ? "" : workplace.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (isRemote != null && isRemote.asBoolean(false) || type.equals("remote")) {
            return Boolean.TRUE;
        }
        if (type.equals("onsite") || type.equals("hybrid")) {
            return Boolean.FALSE;
        }
        return isRemote != null && isRemote.isBoolean() ? Boolean.FALSE : null;
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void addDecoded(Set<String> out, String value) {
        if (value != null) {
            out.add(decode(value));
        }
    }

    /** Boards type titles in HTML forms: "R&amp;D" is "R&D". */
    private static String decode(String value) {
        return Parser.unescapeEntities(value, false);
    }
}

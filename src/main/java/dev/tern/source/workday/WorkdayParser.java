package dev.tern.source.workday;

import static dev.tern.source.JsonFields.required;
import static dev.tern.source.JsonFields.text;
import static dev.tern.source.JsonFields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Reads Workday CXS answers: a page of the job search ({@code jobPostings[]}, {@code total}) and one posting's
 * detail ({@code jobPostingInfo}). The id is the last segment of {@code externalPath} (Workday's job posting id);
 * {@code postedOn} prose becomes an approximate day; a {@code locationsText} like "3 Locations" names no place, so
 * such postings have no location until their detail is read.
 */
public final class WorkdayParser {

    private static final Pattern SEVERAL_LOCATIONS = Pattern.compile("\\d+\\s+locations?", Pattern.CASE_INSENSITIVE);

    private WorkdayParser() {}

    /**
     * A posting of the search and whether its location has to come from its detail.
     *
     * @param posting what the search said
     * @param externalPath the posting's path under the site ("/job/Boston/Intern_R123")
     * @param locationsAmbiguous true when the search only said "N Locations"
     */
    public record Listed(RawPosting posting, String externalPath, boolean locationsAmbiguous) {}

    /**
     * One page of the search.
     *
     * @param postings the page's postings
     * @param total the total the page states, or -1 when it states none
     */
    public record Page(List<Listed> postings, int total) {
        public Page {
            postings = List.copyOf(postings);
        }
    }

    /**
     * @param body one page of the search answer
     * @param url the search URL, for messages
     * @param site the careers site, for posting links
     * @param company the company to give every posting, or null
     * @param now the time the page was fetched, for {@code postedOn}
     */
    public static Page parsePage(byte[] body, String url, WorkdaySite site, String company, Instant now)
            throws FetchException {
        JsonNode root = JsonFields.readObject(body, url, "");
        JsonNode jobs = root.get("jobPostings");
        if (jobs == null || !jobs.isArray()) {
            throw new FetchException("unexpected response from " + url + ": no 'jobPostings' array (is 'url' the"
                    + " address of a Workday job list?)");
        }
        List<Listed> postings = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            postings.add(toListed(jobs.get(i), "jobPostings[" + i + "]", url, site, company, now));
        }
        JsonNode total = root.get("total");
        return new Page(postings, total != null && total.canConvertToInt() ? total.asInt() : -1);
    }

    private static Listed toListed(
            JsonNode job, String where, String url, WorkdaySite site, String company, Instant now)
            throws FetchException {
        String given = required(job, "externalPath", where, url);
        String path = given.startsWith("/") ? given : "/" + given;
        String id = path.substring(path.lastIndexOf('/') + 1);
        if (id.isEmpty()) {
            throw new FetchException("unexpected response from " + url + ": " + where + " has the externalPath '" + path
                    + "', which names no posting");
        }
        String locationsText = text(job, "locationsText");
        boolean ambiguous = locationsText != null
                && SEVERAL_LOCATIONS.matcher(locationsText).matches();
        RawPosting posting = RawPosting.builder(id, decode(required(job, "title", where, url)))
                .company(company)
                .url(site.postingUrl(path))
                .locations(locationsText == null || ambiguous ? List.of() : List.of(decode(locationsText)))
                .postedAt(PostedOn.parse(text(job, "postedOn"), now))
                .employmentType(text(job, "timeType"))
                .build();
        return new Listed(posting, path, ambiguous);
    }

    /**
     * Reads a posting's detail and returns the posting with what the detail adds: every location, the time type
     * as employment type, the start date as a term, remote from {@code remoteType} and the description from
     * {@code jobDescription}.
     *
     * @param body the detail answer
     * @param url the detail URL, for messages
     * @param listed the posting as the search gave it
     */
    public static RawPosting withDetail(byte[] body, String url, RawPosting listed) throws FetchException {
        JsonNode info = JsonFields.readObject(body, url, "").get("jobPostingInfo");
        if (info == null || !info.isObject()) {
            throw new FetchException("unexpected response from " + url + ": no 'jobPostingInfo' object");
        }
        Set<String> locations = new LinkedHashSet<>();
        String primary = text(info, "location");
        String country = text(info.path("jobRequisitionLocation").path("country"), "descriptor");
        if (primary != null) {
            boolean named =
                    country == null || primary.toLowerCase(Locale.ROOT).contains(country.toLowerCase(Locale.ROOT));
            locations.add(decode(named ? primary : primary + ", " + country));
        }
        texts(info, "additionalLocations").forEach(location -> locations.add(decode(location)));
        String timeType = text(info, "timeType");
        String startDate = text(info, "startDate");
        Boolean remote = remote(text(info, "remoteType"));
        String description = Descriptions.of(Collections.singletonList(text(info, "jobDescription")));
        return listed.toBuilder(listed.externalId())
                .locations(locations.isEmpty() ? listed.locations() : List.copyOf(locations))
                .remote(remote != null ? remote : listed.remote())
                .terms(startDate != null ? List.of(startDate) : listed.terms())
                .employmentType(timeType != null ? timeType : listed.employmentType())
                .description(description != null ? description : listed.description())
                .build();
    }

    /** {@code remoteType}: "Remote" is remote, "Hybrid" and "On-site" are not, anything else is unknown. */
    static Boolean remote(String remoteType) {
        if (remoteType == null) {
            return null;
        }
        return switch (remoteType.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")) {
            case "remote", "fullyremote" -> Boolean.TRUE;
            case "hybrid", "onsite" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String decode(String value) {
        return Parser.unescapeEntities(value, false);
    }
}

package dev.tern.source.tiktok;

import static dev.tern.source.JsonFields.required;
import static dev.tern.source.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import dev.tern.source.PagedListing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one page of TikTok's career-site search: {@code {"code":0,"data":{"count":N,"job_post_list":[...]}}}. A
 * {@code code} other than 0 is the site refusing the search, and its {@code message} says why. Ids are read as
 * text, so 19-digit ids stay exact whether the site sends them as strings or as numbers.
 */
final class TikTokParser {

    static final String COMPANY = "TikTok";
    static final String POSTING_URL = "https://lifeattiktok.com/search/";
    /** {@code city_info} nests city, region, country: a few levels more are tolerated, not followed forever. */
    private static final int MAX_PLACE_LEVELS = 6;

    private static final int MAX_MESSAGE = 200;

    private TikTokParser() {}

    /**
     * @param body one page of the search answer
     * @param url the search URL (redacted), for messages
     * @throws FetchException when the body is not JSON, the site refuses the search, or a posting lacks id or title
     */
    static PagedListing.Page parse(byte[] body, String url) throws FetchException {
        JsonNode root = JsonFields.readObject(body, url, " with 'code' and 'data'");
        String code = text(root, "code");
        if (!"0".equals(code)) {
            throw new FetchException("TikTok's careers API at " + url + " refused the search (code "
                    + (code == null ? "missing" : oneLine(code)) + "): " + message(root));
        }
        JsonNode data = root.path("data");
        JsonNode jobs = data.get("job_post_list");
        if (jobs == null || !jobs.isArray()) {
            throw new FetchException("unexpected response from " + url + ": no 'data.job_post_list' array"
                    + " (the site's format may have changed)");
        }
        List<RawPosting> postings = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            postings.add(toPosting(jobs.get(i), "job_post_list[" + i + "]", url));
        }
        JsonNode count = data.get("count");
        return new PagedListing.Page(postings, count != null && count.canConvertToLong() ? count.asLong() : -1);
    }

    private static RawPosting toPosting(JsonNode job, String where, String url) throws FetchException {
        String id = required(job, "id", where, url);
        String place = place(job.get("city_info"));
        return RawPosting.builder(id, required(job, "title", where, url))
                .company(COMPANY)
                .url(POSTING_URL + id)
                .locations(place == null ? List.of() : List.of(place))
                .employmentType(text(job.path("recruit_type"), "en_name"))
                .categories(category(job.get("job_category")))
                .description(Descriptions.of(Arrays.asList(text(job, "description"), text(job, "requirement"))))
                .build();
    }

    /**
     * The {@code city_info} chain ({@code {"en_name":"San Jose","parent":{"en_name":"California",...}}}) as one
     * location, innermost first; a name repeating its child's ("Singapore" in "Singapore") is said once.
     */
    static String place(JsonNode cityInfo) {
        List<String> names = new ArrayList<>();
        JsonNode level = cityInfo;
        for (int i = 0; i < MAX_PLACE_LEVELS && level != null && level.isObject(); i++) {
            String name = text(level, "en_name") != null ? text(level, "en_name") : text(level, "name");
            if (name != null && (names.isEmpty() || !names.getLast().equalsIgnoreCase(name))) {
                names.add(name);
            }
            level = level.get("parent");
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static List<String> category(JsonNode category) {
        String name = text(category, "en_name");
        return name == null ? List.of() : List.of(name);
    }

    /** The site's message, bounded and on one line: it is shown to the admin as it is. */
    private static String message(JsonNode root) {
        String message = text(root, "message");
        if (message == null) {
            return "it gave no message";
        }
        return "\"" + oneLine(message) + "\"";
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }
}

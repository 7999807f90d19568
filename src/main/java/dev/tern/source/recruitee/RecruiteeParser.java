package dev.tern.source.recruitee;

import static dev.tern.source.JsonFields.required;
import static dev.tern.source.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.posting.RawPosting;
import dev.tern.source.Descriptions;
import dev.tern.source.FetchException;
import dev.tern.source.JsonFields;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reads a Recruitee offers API answer ({@code /api/offers/}): {@code offers[]}. Each of {@code locations[]} becomes
 * "city, state, country"; without them the offer's {@code location} (else city and country code) is used.
 * {@code remote} is remote, {@code hybrid}/{@code on_site} are not; {@code published_at} reads Recruitee's
 * "2026-08-05 09:41:37 UTC" form.
 */
public final class RecruiteeParser {

    private static final DateTimeFormatter RECRUITEE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss VV", Locale.ROOT);

    private RecruiteeParser() {}

    /**
     * @param body the response body
     * @param url the source URL, for messages
     * @param fallbackCompany the company when an offer has no {@code company_name}, or null
     */
    public static List<RawPosting> parse(byte[] body, String url, String fallbackCompany) throws FetchException {
        JsonNode offers = JsonFields.readObject(body, url, " with 'offers'").get("offers");
        if (offers == null || !offers.isArray()) {
            throw new FetchException("unexpected response from " + url + ": no 'offers' array (is this a Recruitee"
                    + " offers API URL?)");
        }
        List<RawPosting> postings = new ArrayList<>(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            postings.add(toPosting(offers.get(i), "offers[" + i + "]", url, fallbackCompany));
        }
        return postings;
    }

    private static RawPosting toPosting(JsonNode offer, String where, String url, String fallbackCompany)
            throws FetchException {
        String company = text(offer, "company_name");
        String careersUrl = text(offer, "careers_url");
        String department = text(offer, "department");
        Instant published = instant(text(offer, "published_at"));
        return RawPosting.builder(required(offer, "id", where, url), decode(required(offer, "title", where, url)))
                .company(company != null ? company : fallbackCompany)
                .url(careersUrl != null ? careersUrl : text(offer, "careers_apply_url"))
                .locations(locations(offer))
                .remote(remote(offer))
                .postedAt(published != null ? published : instant(text(offer, "created_at")))
                .employmentType(text(offer, "employment_type_code"))
                .categories(department == null ? List.of() : List.of(decode(department)))
                .description(Descriptions.of(Arrays.asList(text(offer, "description"), text(offer, "requirements"))))
                .build();
    }

    private static List<String> locations(JsonNode offer) {
        Set<String> locations = new LinkedHashSet<>();
        JsonNode array = offer.get("locations");
        if (array != null && array.isArray()) {
            array.forEach(location -> {
                String place = place(location, "city", "state", "country");
                addDecoded(locations, place != null ? place : text(location, "name"));
            });
        }
        if (locations.isEmpty()) {
            String location = text(offer, "location");
            addDecoded(locations, location != null ? location : place(offer, "city", "country_code"));
        }
        return List.copyOf(locations);
    }

    /** The distinct non-blank values of the fields, joined with ", " ("Berlin, Germany" for Berlin, Berlin). */
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

    /** {@code remote: true} is remote; {@code hybrid} or {@code on_site} true is not; otherwise unknown. */
    static Boolean remote(JsonNode offer) {
        if (offer.path("remote").asBoolean(false)) {
            return Boolean.TRUE;
        }
        if (offer.path("hybrid").asBoolean(false) || offer.path("on_site").asBoolean(false)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** "2026-08-05 09:41:37 UTC", or ISO-8601 with an offset; anything else is unknown. */
    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, RECRUITEE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    private static void addDecoded(Set<String> out, String value) {
        if (value != null) {
            out.add(decode(value));
        }
    }

    private static String decode(String value) {
        return Parser.unescapeEntities(value, false);
    }
}

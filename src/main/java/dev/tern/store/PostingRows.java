package dev.tern.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Sponsorship;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes the posting columns shared by {@link PostingStore} and {@link DeliveryStore}: locations and
 * categories are JSON arrays in text columns, the term is two columns, degrees a comma-separated list. The
 * description is written but not read back: nothing after normalising uses it, and searches read every open row.
 */
final class PostingRows {

    /** The posting columns, in the order {@link #read} expects them, for SELECTs (qualified by {@code p.}). */
    static final String COLUMNS = "p.posting_key, p.source_id, p.external_id, p.fingerprint, p.company, p.title,"
            + " p.locations, p.remote, p.term_season, p.term_year, p.url, p.posted_at, p.internship,"
            + " p.categories, p.status, p.sponsorship, p.degrees, p.category";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Location>> LOCATIONS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private PostingRows() {}

    /** A posting from a row selected with {@link #COLUMNS}; it is active when its status is OPEN. */
    static Posting read(ResultSet row) throws SQLException {
        String key = row.getString("posting_key");
        String season = row.getString("term_season");
        Integer year = Jdbc.nullableInt(row, "term_year");
        return new Posting(
                key,
                row.getString("source_id"),
                row.getString("external_id"),
                row.getString("company"),
                row.getString("title"),
                fromJson(key, row.getString("locations"), LOCATIONS),
                Jdbc.nullableBoolean(row, "remote"),
                season == null && year == null ? null : new Term(season, year),
                row.getString("url"),
                Jdbc.instant(row, "posted_at"),
                row.getBoolean("internship"),
                fromJson(key, row.getString("categories"), STRINGS),
                PostingStatus.valueOf(row.getString("status")) == PostingStatus.OPEN,
                row.getString("fingerprint"),
                sponsorship(key, row.getString("sponsorship")),
                degrees(key, row.getString("degrees")),
                category(key, row.getString("category")),
                null);
    }

    static String degreesText(Posting posting) {
        return posting.degrees().stream().map(Degree::value).collect(Collectors.joining(","));
    }

    static String categoryText(Posting posting) {
        return posting.category() == null ? null : posting.category().value();
    }

    private static Sponsorship sponsorship(String key, String value) throws SQLException {
        return value == null ? Sponsorship.UNKNOWN : fact(key, () -> Sponsorship.of(value));
    }

    private static Set<Degree> degrees(String key, String value) throws SQLException {
        Set<Degree> degrees = EnumSet.noneOf(Degree.class);
        if (value != null && !value.isBlank()) {
            for (String part : value.split(",")) {
                degrees.add(fact(key, () -> Degree.of(part)));
            }
        }
        return degrees;
    }

    private static Category category(String key, String value) throws SQLException {
        return value == null ? null : fact(key, () -> Category.of(value));
    }

    private static <T> T fact(String key, java.util.function.Supplier<T> read) throws SQLException {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new SQLException("posting " + key + " has an unreadable value: " + e.getMessage(), e);
        }
    }

    /** The locations of a {@code locations} column value. */
    static List<Location> locations(String json) throws SQLException {
        return fromJson("(locations)", json, LOCATIONS);
    }

    static String locationsJson(Posting posting) {
        return toJson(posting.key(), posting.locations());
    }

    static String categoriesJson(Posting posting) {
        return toJson(posting.key(), posting.categories());
    }

    /** A list of strings (such as posting keys) as a JSON array; {@code owner} names it in errors. */
    static String stringsJson(String owner, List<String> values) {
        return toJson(owner, values);
    }

    /** The strings of a JSON array column; null or empty reads as an empty list. */
    static List<String> strings(String owner, String json) throws SQLException {
        return json == null || json.isBlank() ? List.of() : fromJson(owner, json, STRINGS);
    }

    private static String toJson(String key, Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("writing posting " + key + " as JSON failed: " + e.getMessage(), e);
        }
    }

    private static <T> T fromJson(String key, String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("posting " + key + " has unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}

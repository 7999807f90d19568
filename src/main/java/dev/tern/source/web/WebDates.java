package dev.tern.source.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Lenient reading of the dates that feeds, pages and JSON APIs carry: ISO 8601 (with or without offset or time),
 * RFC 1123 ({@code Tue, 10 Mar 2026 14:00:00 GMT}) and epoch seconds or milliseconds. Dates without a zone are UTC.
 */
public final class WebDates {

    private static final Pattern DIGITS = Pattern.compile("\\d{9,13}");
    private static final int MILLIS_DIGITS = 13;

    private WebDates() {}

    /** The instant the text names, or null when it is blank or in none of the formats above. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (DIGITS.matcher(value).matches()) {
            long number = Long.parseLong(value);
            return value.length() == MILLIS_DIGITS ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
        }
        Instant instant = tryParse(value);
        return instant != null ? instant : tryParse(value.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T"));
    }

    private static Instant tryParse(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // next format
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

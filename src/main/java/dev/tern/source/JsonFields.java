package dev.tern.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Small, lenient readers for the JSON that sources send: optional fields come back null or empty instead of
 * throwing, required ones fail with a message naming the field and the source URL.
 */
public final class JsonFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {}

    /** The trimmed text of {@code node.field} (numbers as their digits), or null when absent, null or blank. */
    public static String text(JsonNode node, String field) {
        return trimmed(node == null ? null : node.get(field));
    }

    /** The trimmed text of a value node, or null when it is missing, a container, or blank. */
    public static String trimmed(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** Like {@link #text} but fails naming the field when it is missing or blank. */
    public static String required(JsonNode node, String field, String where, String url) throws FetchException {
        String value = text(node, field);
        if (value == null) {
            throw new FetchException("unexpected response from " + url + ": " + where + " has no '" + field + "'"
                    + " (the source's format may have changed)");
        }
        return value;
    }

    /** The trimmed texts of an array field (or of a single string), blanks dropped. */
    public static List<String> texts(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> addIfPresent(out, trimmed(item)));
        } else {
            addIfPresent(out, trimmed(value));
        }
        return out;
    }

    /** The {@code name} of every object in an array field, blanks dropped. */
    public static List<String> names(JsonNode node, String arrayField) {
        List<String> out = new ArrayList<>();
        JsonNode array = node == null ? null : node.get(arrayField);
        if (array != null && array.isArray()) {
            array.forEach(item -> addIfPresent(out, text(item, "name")));
        }
        return out;
    }

    /** An instant from epoch seconds or milliseconds (a number or digits in a string), or null. */
    public static Instant epoch(JsonNode node, String field, boolean millis) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null
                || !(value.isNumber()
                        || value.isTextual() && value.asText().strip().matches("\\d+"))) {
            return null;
        }
        long number = value.isNumber()
                ? value.asLong()
                : Long.parseLong(value.asText().strip());
        return millis ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    }

    /** A FetchException for a body that is not well-formed JSON, naming the URL, line and column. */
    public static FetchException malformed(String url, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new FetchException("malformed JSON from " + url + where + ": " + e.getOriginalMessage(), e);
    }

    private static void addIfPresent(List<String> out, String value) {
        if (value != null) {
            out.add(value);
        }
    }

    /** Reads a whole JSON body; an empty or malformed one is a FetchException naming the URL (and where it broke). */
    public static JsonNode read(byte[] body, String url) throws FetchException {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new FetchException("unexpected response from " + url + ": the body is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(url, e);
        } catch (IOException e) {
            throw new FetchException("reading the response from " + url + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON body that must be an object.
     *
     * @param holding what the object should hold, for the message: {@code " with 'jobs'"}, or ""
     */
    public static JsonNode readObject(byte[] body, String url, String holding) throws FetchException {
        JsonNode root = read(body, url);
        if (!root.isObject()) {
            throw new FetchException("unexpected response from " + url + ": expected a JSON object" + holding);
        }
        return root;
    }
}

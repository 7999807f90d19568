package dev.tern.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Reads YAML text into a {@link Node} tree that remembers the line of every key and value. Syntax errors,
 * duplicate keys and aliases become problems rather than exceptions.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;

    YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root, or empty when the file is empty or does not parse (then a problem says why). */
    Optional<Node> read(String yaml) {
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            Node root = value(parser, "");
            if (parser.nextToken() != null) {
                problems.add(
                        "",
                        line(parser),
                        "only one YAML document is allowed; a second one starts here (remove the '---' above it)");
            }
            return Optional.of(root);
        } catch (JacksonException e) {
            problems.add("", lineOf(e.getLocation()), "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add("", 0, "not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
        return Optional.empty();
    }

    private Node value(JsonParser parser, String path) throws IOException {
        int line = line(parser);
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, path, line);
            case START_ARRAY -> sequence(parser, path, line);
            case VALUE_STRING -> string(parser, path, line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node.Scalar(parser.getNumberValue(), line);
            case VALUE_TRUE -> new Node.Scalar(Boolean.TRUE, line);
            case VALUE_FALSE -> new Node.Scalar(Boolean.FALSE, line);
            case VALUE_NULL -> new Node.Scalar(null, line);
            default -> new Node.Scalar(parser.getText(), line);
        };
    }

    private Node string(JsonParser parser, String path, int line) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(path, line, "YAML aliases (*name) are not supported; write the value out");
            return new Node.Scalar(null, line);
        }
        return new Node.Scalar(parser.getText(), line);
    }

    private Node mapping(JsonParser parser, String path, int line) throws IOException {
        LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser);
            String childPath = path.isEmpty() ? key : path + "." + key;
            parser.nextToken();
            Node child = value(parser, childPath);
            Node.Entry previous = entries.putIfAbsent(key, new Node.Entry(keyLine, child));
            if (previous != null) {
                problems.add(
                        childPath,
                        keyLine,
                        "duplicate key '" + key + "' (first at line " + previous.keyLine() + "); keep only one");
            }
        }
        return new Node.Mapping(entries, line);
    }

    private Node sequence(JsonParser parser, String path, int line) throws IOException {
        List<Node> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken();
                token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            items.add(value(parser, path + "[" + items.size() + "]"));
        }
        return new Node.Sequence(List.copyOf(items), line);
    }

    private static int line(JsonParser parser) {
        return lineOf(parser.currentTokenLocation());
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}

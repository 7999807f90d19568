package dev.tern.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to one YAML mapping (a section, a source, a filter) that reports every bad value as a problem with
 * the key's path and line, and answers "absent" for it, so reading can go on and find the other problems.
 */
final class MapReader {

    private final Node.Mapping mapping;
    private final String path;
    private final Values values;

    private MapReader(Node.Mapping mapping, String path, Values values) {
        this.mapping = mapping;
        this.path = path;
        this.values = values;
    }

    /** A reader over {@code node}; an empty value reads as an empty mapping, anything else but a mapping fails. */
    static Optional<MapReader> of(Node node, String path, Values values, String expected) {
        return switch (node) {
            case Node.Mapping mapping -> Optional.of(new MapReader(mapping, path, values));
            case Node.Scalar scalar
            when scalar.value() == null ->
                Optional.of(new MapReader(new Node.Mapping(Map.of(), scalar.line()), path, values));
            default -> {
                values.wrongKind(node, path, expected);
                yield Optional.empty();
            }
        };
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int line() {
        return mapping.line();
    }

    /** The line of a key, or of the mapping when the key is absent. */
    int line(String key) {
        Node.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.line() : entry.keyLine();
    }

    /** The line of a key inside nested mappings, such as {@code selectors.item}; the nearest known line otherwise. */
    int lineOfDotted(String dottedKey) {
        int dot = dottedKey.indexOf('.');
        String first = dot < 0 ? dottedKey : dottedKey.substring(0, dot);
        if (dot >= 0 && node(first).orElse(null) instanceof Node.Mapping nested) {
            return new MapReader(nested, pathOf(first), values).lineOfDotted(dottedKey.substring(dot + 1));
        }
        return line(first);
    }

    Set<String> keys() {
        return mapping.entries().keySet();
    }

    /** The value of a key; empty when absent or written empty ({@code key:}). */
    Optional<Node> node(String key) {
        Node.Entry entry = mapping.entries().get(key);
        if (entry == null || entry.value() instanceof Node.Scalar s && s.value() == null) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void problem(String key, String message) {
        values.problems().add(pathOf(key), line(key), message);
    }

    /** Reports each key not in {@code allowed}: "unknown key 'x'{context}; expected one of: ...". */
    void rejectUnknown(Collection<String> allowed, String context) {
        for (String key : keys()) {
            if (!allowed.contains(key)) {
                problem(
                        key,
                        "unknown key '" + key + "'" + context + "; expected one of: " + String.join(", ", allowed));
            }
        }
    }

    Optional<String> text(String key) {
        return node(key).flatMap(node -> values.text(node, pathOf(key), key));
    }

    /** Text read by {@code parser}, whose IllegalArgumentException message becomes the problem. */
    <T> Optional<T> parsed(String key, Function<String, T> parser) {
        return text(key).flatMap(text -> {
            try {
                return Optional.of(parser.apply(text));
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage());
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> bool(String key) {
        return parsed(key, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + text + "'");
        });
    }

    Optional<Integer> integer(String key) {
        return parsed(key, MapReader::parseInt);
    }

    /** One of an enum's constants written in lower case (case-insensitive), else a problem listing them. */
    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
        return parsed(key, text -> {
            int index = names.indexOf(text.toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new IllegalArgumentException("'" + text + "' is not one of: " + String.join(" | ", names));
            }
            return type.getEnumConstants()[index];
        });
    }

    /** A list of scalars, each read by {@code parser}; a bad item is a problem at its own path and line. */
    <T> Optional<List<T>> list(String key, String example, Function<String, T> parser) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof Node.Sequence sequence)) {
            problem(
                    key,
                    "must be a list such as " + example + ", not " + node.get().kind());
            return Optional.empty();
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            Node item = sequence.items().get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            values.text(item, itemPath, key)
                    .flatMap(text -> parseItem(parser, text, itemPath, item.line()))
                    .ifPresent(items::add);
        }
        return Optional.of(items);
    }

    private <T> Optional<T> parseItem(Function<String, T> parser, String text, String itemPath, int itemLine) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            values.problems().add(itemPath, itemLine, e.getMessage());
            return Optional.empty();
        }
    }

    static int parseInt(String text) {
        try {
            return new BigDecimal(text.strip()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + text + "'");
        }
    }
}

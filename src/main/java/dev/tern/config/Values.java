package dev.tern.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns YAML nodes into plain values: interpolates {@code ${VAR}} in text, registers secrets, and reports a value
 * of the wrong kind as a problem naming its path.
 */
final class Values {

    private final Problems problems;
    private final Interpolator interpolator;

    Values(Problems problems, Interpolator interpolator) {
        this.problems = problems;
        this.interpolator = interpolator;
    }

    Problems problems() {
        return problems;
    }

    /** A scalar as text (numbers and booleans as written), interpolated; empty when the value is empty. */
    Optional<String> text(Node node, String path, String key) {
        if (!(node instanceof Node.Scalar scalar)) {
            wrongKind(node, path, "text");
            return Optional.empty();
        }
        if (!(scalar.value() instanceof String raw)) {
            return Optional.ofNullable(scalar.value()).map(String::valueOf);
        }
        boolean sensitiveKey = Problems.isSensitive(key);
        if (sensitiveKey) {
            problems.secret(raw);
        }
        try {
            Interpolator.Resolved resolved = interpolator.resolve(raw);
            if (sensitiveKey || resolved.sensitive()) {
                problems.secret(resolved.value());
            }
            return Optional.of(resolved.value());
        } catch (IllegalArgumentException e) {
            problems.add(path, scalar.line(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A value as plain Java: String, Number, Boolean, List or Map, interpolated; null when empty. */
    Object plain(Node node, String path, String key) {
        return switch (node) {
            case Node.Scalar scalar
            when scalar.value() instanceof String -> text(node, path, key).orElse(null);
            case Node.Scalar scalar -> scalar.value();
            case Node.Sequence sequence -> plainList(sequence, path, key);
            case Node.Mapping mapping -> plainMap(mapping, path);
        };
    }

    /** Reports that a value is of the wrong kind: "must be text, not a list". */
    void wrongKind(Node node, String path, String expected) {
        problems.add(path, node.line(), "must be " + expected + ", not " + node.kind());
    }

    private List<Object> plainList(Node.Sequence sequence, String path, String key) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            items.add(plain(sequence.items().get(i), path + "[" + i + "]", key));
        }
        return Collections.unmodifiableList(items);
    }

    private Map<String, Object> plainMap(Node.Mapping mapping, String path) {
        Map<String, Object> entries = new LinkedHashMap<>();
        mapping.entries().forEach((k, entry) -> entries.put(k, plain(entry.value(), path + "." + k, k)));
        return Collections.unmodifiableMap(entries);
    }
}

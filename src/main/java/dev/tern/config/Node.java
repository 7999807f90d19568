package dev.tern.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value as read from the file, with the line it starts on, before any interpretation. */
sealed interface Node permits Node.Scalar, Node.Sequence, Node.Mapping {

    /** The 1-based line the value starts on. */
    int line();

    /** What kind of value this is, for messages such as "must be text, not a list". */
    String kind();

    /**
     * A scalar: a String (still uninterpolated), a Number, a Boolean, or null for an empty value.
     *
     * @param value the value as YAML typed it
     * @param line the 1-based line
     */
    record Scalar(Object value, int line) implements Node {
        @Override
        public String kind() {
            return switch (value) {
                case null -> "empty";
                case String s -> "text";
                case Number n -> "a number";
                case Boolean b -> "true/false";
                default -> "a value";
            };
        }
    }

    /**
     * A YAML list.
     *
     * @param items the items in file order
     * @param line the 1-based line
     */
    record Sequence(List<Node> items, int line) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A YAML mapping, in file order.
     *
     * @param entries key to entry
     * @param line the 1-based line
     */
    record Mapping(Map<String, Entry> entries, int line) implements Node {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /**
     * One key of a mapping.
     *
     * @param keyLine the 1-based line of the key
     * @param value its value
     */
    record Entry(int keyLine, Node value) {}
}

package dev.tern.match;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A parsed keyword query: terms combined with AND, OR and NOT. */
sealed interface QueryNode {

    /** Whether text with these words satisfies the node. */
    boolean matches(Words words);

    /** Words that every text matching this node contains (may be empty). */
    Set<String> requiredWords();

    /** The node in plain words, for people. */
    String describe();

    /** One word, or several that must appear one after the other (a quoted phrase, or "co-op"). */
    record Term(List<String> words, boolean quoted) implements QueryNode {
        public Term {
            words = List.copyOf(words);
        }

        @Override
        public boolean matches(Words text) {
            return text.containsSequence(words);
        }

        @Override
        public Set<String> requiredWords() {
            return Set.copyOf(words);
        }

        @Override
        public String describe() {
            String joined = String.join(" ", words);
            return quoted || words.size() > 1 ? '"' + joined + '"' : joined;
        }
    }

    /** Every part must match. */
    record All(List<QueryNode> parts) implements QueryNode {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean matches(Words text) {
            // indexed, not an iterator: the index runs thousands of queries per posting
            for (int i = 0; i < parts.size(); i++) {
                if (!parts.get(i).matches(text)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<String> requiredWords() {
            Set<String> union = new HashSet<>();
            parts.forEach(part -> union.addAll(part.requiredWords()));
            return union;
        }

        @Override
        public String describe() {
            return "(" + describeTop() + ")";
        }

        /** At the top, alternatives are set apart by commas instead of brackets. */
        String describeTop() {
            boolean hasAlternatives = parts.stream().anyMatch(Any.class::isInstance);
            String separator = hasAlternatives ? ", and " : " and ";
            return parts.stream()
                    .map(part -> part instanceof Any any ? any.describeBare() : part.describe())
                    .collect(Collectors.joining(separator));
        }
    }

    /** At least one part must match. */
    record Any(List<QueryNode> parts) implements QueryNode {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean matches(Words text) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).matches(text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<String> requiredWords() {
            Set<String> common = new HashSet<>(parts.get(0).requiredWords());
            parts.forEach(part -> common.retainAll(part.requiredWords()));
            return common;
        }

        @Override
        public String describe() {
            return "(" + describeBare() + ")";
        }

        String describeBare() {
            return parts.stream().map(QueryNode::describe).collect(Collectors.joining(" or "));
        }
    }

    /** The part must not match. */
    record Not(QueryNode part) implements QueryNode {
        @Override
        public boolean matches(Words text) {
            return !part.matches(text);
        }

        @Override
        public Set<String> requiredWords() {
            return Set.of();
        }

        @Override
        public String describe() {
            return "not " + part.describe();
        }
    }
}

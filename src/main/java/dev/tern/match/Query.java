package dev.tern.match;

import dev.tern.posting.Posting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A keyword query over a posting's title and categories (department, team, category).
 *
 * <p>The language: words separated by spaces must all appear ({@code AND} may be written too); {@code "quoted
 * phrases"} must appear word for word; {@code OR} (upper case only; a lower-case "or" is an ordinary word) accepts
 * either side; {@code -word}, {@code -"phrase"}, {@code -(group)} or {@code NOT ...} exclude; parentheses group.
 * Precedence, tightest first: exclusion, OR, AND, as in web search, so {@code "machine learning" OR ml -senior}
 * means "one of the two, and not senior". Matching ignores case and accents and compares whole words exactly:
 * {@code ml} does not match "html", {@code intern} does not match "internal", {@code engineer} does not match
 * "engineering". A query of only exclusions ({@code -senior}) matches everything else. At most {@value
 * #MAX_LENGTH} characters.
 */
public final class Query {

    /** The longest query accepted, in characters. */
    public static final int MAX_LENGTH = 200;

    private final String text;
    private final QueryNode root;

    private Query(String text, QueryNode root) {
        this.text = text;
        this.root = root;
    }

    /** Parses a query; a malformed one throws with a message that says where and what to write instead. */
    public static Query parse(String text) throws QueryException {
        if (text == null || text.isBlank()) {
            throw new QueryException(
                    "the keyword query is empty; write some words, or leave keywords out to accept every title", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw new QueryException(
                    "the keyword query is " + text.length() + " characters long; the limit is " + MAX_LENGTH
                            + ", so shorten it",
                    MAX_LENGTH);
        }
        return new Query(text, QueryParser.parse(QueryLexer.lex(text)));
    }

    /**
     * What is wrong with a route's {@code keywords} value, for config validation; empty when {@link Filter#of}
     * accepts it. A missing or blank value is fine: it means any title.
     */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            parse(text);
            return Optional.empty();
        } catch (QueryException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether the posting's title and categories satisfy the query. */
    public boolean matches(Posting posting) {
        return matches(wordsOf(posting));
    }

    /** Whether one text (a title, say) satisfies the query. */
    public boolean matches(String text) {
        return matches(Words.of(List.of(text)));
    }

    boolean matches(Words words) {
        return root.matches(words);
    }

    /** The parsed query, for the index to take apart. */
    QueryNode root() {
        return root;
    }

    /** Words that every match contains; the index files the query under one of them. */
    Set<String> requiredWords() {
        return root.requiredWords();
    }

    /** The query in words, for people: {@code title has "machine learning" or ml, and not senior}. */
    public String describe() {
        return switch (root) {
            case QueryNode.All all -> "title has " + all.describeTop();
            case QueryNode.Any any -> "title has " + any.describeBare();
            case QueryNode.Not not -> "title does not have " + not.part().describe();
            case QueryNode.Term term -> "title has " + term.describe();
        };
    }

    /** The query as written. */
    public String text() {
        return text;
    }

    static Words wordsOf(Posting posting) {
        List<String> texts = new ArrayList<>(1 + posting.categories().size());
        texts.add(posting.title());
        texts.addAll(posting.categories());
        return Words.of(texts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Query that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}

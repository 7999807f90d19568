package dev.tern.match;

import java.util.ArrayList;
import java.util.List;

/** Splits a keyword query into tokens, each with its position, or says where the query cannot be read. */
final class QueryLexer {

    /** What a token is. */
    enum Kind {
        TERM,
        OR,
        AND,
        NOT,
        OPEN,
        CLOSE
    }

    /** One token; {@code term} is set for {@link Kind#TERM} only. */
    record Token(Kind kind, String text, int position, QueryNode.Term term) {
        /** How a message names the token: OR, AND and NOT as they are, symbols in quotes ('-', ')'). */
        String shown() {
            return Character.isLetter(text.charAt(0)) ? text : "'" + text + "'";
        }
    }

    private final String query;
    private final List<Token> tokens = new ArrayList<>();

    private QueryLexer(String query) {
        this.query = query;
    }

    static List<Token> lex(String query) throws QueryException {
        QueryLexer lexer = new QueryLexer(query);
        int i = 0;
        while (i < query.length()) {
            i = lexer.next(i);
        }
        return lexer.tokens;
    }

    private int next(int i) throws QueryException {
        char c = query.charAt(i);
        if (Character.isWhitespace(c)) {
            return i + 1;
        }
        return switch (c) {
            case '(' -> add(Kind.OPEN, i, i + 1);
            case ')' -> add(Kind.CLOSE, i, i + 1);
            case '"' -> phrase(i);
            case '-' -> minus(i);
            default -> word(i);
        };
    }

    private int add(Kind kind, int start, int end) {
        tokens.add(new Token(kind, query.substring(start, end), start, null));
        return end;
    }

    private int phrase(int start) throws QueryException {
        int close = query.indexOf('"', start + 1);
        if (close < 0) {
            throw QueryErrors.at(start, "unclosed quote '\"'", "add a closing '\"' after the phrase");
        }
        List<String> words = Words.tokenize(query.substring(start + 1, close));
        if (words.isEmpty()) {
            throw QueryErrors.at(start, "empty phrase", "put words between the quotes or remove them");
        }
        tokens.add(new Token(Kind.TERM, query.substring(start, close + 1), start, new QueryNode.Term(words, true)));
        return close + 1;
    }

    private int minus(int start) throws QueryException {
        int after = start + 1;
        if (after == query.length() || Character.isWhitespace(query.charAt(after)) || query.charAt(after) == ')') {
            throw QueryErrors.at(
                    start,
                    "'-' with nothing to exclude",
                    "write the word, \"phrase\" or (group) to exclude right after it, with no space");
        }
        return add(Kind.NOT, start, after);
    }

    private int word(int start) throws QueryException {
        int end = start;
        while (end < query.length() && !endsWord(query.charAt(end))) {
            end++;
        }
        String text = query.substring(start, end);
        switch (text) {
            case "OR" -> add(Kind.OR, start, end);
            case "AND" -> add(Kind.AND, start, end);
            case "NOT" -> add(Kind.NOT, start, end);
            default -> {
                List<String> words = Words.tokenize(text);
                if (words.isEmpty()) {
                    throw QueryErrors.at(
                            start, "no letters or digits in '" + text + "'", "remove it, it can never match");
                }
                tokens.add(new Token(Kind.TERM, text, start, new QueryNode.Term(words, false)));
            }
        }
        return end;
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
    }
}

package dev.tern.match;

import dev.tern.match.QueryLexer.Kind;
import dev.tern.match.QueryLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of keyword query tokens. Precedence, tightest first: {@code -}/NOT, OR, then AND (a space
 * or the word AND), as in web search: {@code "machine learning" OR ml -senior} means (one of the two) and not senior.
 */
final class QueryParser {

    private final List<Token> tokens;
    private int next;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a non-empty token list. */
    static QueryNode parse(List<Token> tokens) throws QueryException {
        QueryParser parser = new QueryParser(tokens);
        QueryNode root = parser.all();
        if (parser.has()) {
            Token stray = parser.peek();
            throw QueryErrors.at(stray.position(), "unexpected ')'", "remove it or add a matching '(' before it");
        }
        return root;
    }

    private QueryNode all() throws QueryException {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(any());
        while (has() && peek().kind() != Kind.CLOSE) {
            if (peek().kind() == Kind.AND) {
                next++;
            }
            parts.add(any());
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.All(parts);
    }

    private QueryNode any() throws QueryException {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(unary());
        while (has() && peek().kind() == Kind.OR) {
            next++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.Any(parts);
    }

    private QueryNode unary() throws QueryException {
        if (has() && peek().kind() == Kind.NOT) {
            next++;
            return new QueryNode.Not(unary());
        }
        return primary();
    }

    private QueryNode primary() throws QueryException {
        if (!has() || peek().kind() != Kind.TERM && peek().kind() != Kind.OPEN) {
            throw missingOperand();
        }
        Token token = tokens.get(next++);
        if (token.kind() == Kind.TERM) {
            return token.term();
        }
        if (has() && peek().kind() == Kind.CLOSE) {
            throw QueryErrors.at(token.position(), "empty group '()'", "put words inside or remove it");
        }
        QueryNode inner = all();
        if (!has()) {
            throw QueryErrors.at(token.position(), "unclosed '('", "add a ')' where the group ends");
        }
        next++;
        return inner;
    }

    /** Names the operator left without a word after it, or the one without a word before it. */
    private QueryException missingOperand() {
        Token previous = next > 0 ? tokens.get(next - 1) : null;
        if (previous != null && isOperator(previous)) {
            return QueryErrors.at(
                    previous.position(), "nothing after " + previous.shown(), "add a word after it or remove it");
        }
        if (previous != null && previous.kind() == Kind.OPEN && !has()) {
            return QueryErrors.at(previous.position(), "unclosed '('", "add a ')' where the group ends");
        }
        Token token = peek();
        if (isOperator(token)) {
            return QueryErrors.at(
                    token.position(), "nothing before " + token.shown(), "add a word before it or remove it");
        }
        return QueryErrors.at(token.position(), "unexpected " + token.shown(), "remove it");
    }

    private static boolean isOperator(Token token) {
        return token.kind() == Kind.OR || token.kind() == Kind.AND || token.kind() == Kind.NOT;
    }

    private boolean has() {
        return next < tokens.size();
    }

    private Token peek() {
        return tokens.get(next);
    }
}

package dev.tern.match;

/** A keyword query that does not parse; the message says where and what to write instead. */
public final class QueryException extends Exception {

    private final int position;

    public QueryException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Zero-based character position of the problem in the query. */
    public int position() {
        return position;
    }
}

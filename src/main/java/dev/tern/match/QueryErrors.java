package dev.tern.match;

/**
 * Builds {@link QueryException}s that say what is wrong, where, and what to do: {@code unexpected ')' at position
 * 12; remove it or add a matching '(' before it}. Messages count positions from 1, as an editor shows columns.
 */
final class QueryErrors {

    private QueryErrors() {}

    /**
     * @param position zero-based position of the problem
     * @param what what is wrong
     * @param fix what to write instead
     */
    static QueryException at(int position, String what, String fix) {
        return new QueryException(what + " at position " + (position + 1) + "; " + fix, position);
    }
}

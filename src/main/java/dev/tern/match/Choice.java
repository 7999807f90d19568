package dev.tern.match;

import java.util.BitSet;

/**
 * One part of every filter that accepts a posting by one value (its company, start year, category...): the
 * subscriptions whose filter leaves the part open, plus those filed under each value they accept. Narrowing keeps
 * only the subscriptions that accept one of the posting's values; a part no filter restricts costs nothing.
 */
final class Choice<K> {

    private final BitSet open = new BitSet();
    private final Buckets<K> byValue = new Buckets<>();
    private boolean restricted;

    /** The filter at {@code position} accepts any value. */
    void open(int position) {
        open.set(position);
    }

    /** The filter at {@code position} accepts the value (null stands for "unknown" where a part accepts it). */
    void accept(K value, int position) {
        restricted = true;
        byValue.file(value, position);
    }

    void seal(int size) {
        byValue.seal(size);
    }

    /** Keeps in {@code result} only the subscriptions that accept the value; {@code scratch} is overwritten. */
    void narrow(K value, BitSet result, BitSet scratch) {
        if (!restricted) {
            return;
        }
        scratch.clear();
        scratch.or(open);
        byValue.mark(value, scratch);
        result.and(scratch);
    }

    /** Keeps in {@code result} only the subscriptions that accept at least one of the values. */
    void narrow(Iterable<K> values, BitSet result, BitSet scratch) {
        if (!restricted) {
            return;
        }
        scratch.clear();
        scratch.or(open);
        for (K value : values) {
            byValue.mark(value, scratch);
        }
        result.and(scratch);
    }
}

package dev.tern.match;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Subscription positions filed under keys (a key may be null): one part of {@link SubscriptionIndex}. Once
 * {@link #seal sealed}, a key with many positions keeps them as a bitset, so that marking them is one bitwise OR,
 * and a key with few keeps a plain array, so that rare keys cost little memory.
 */
final class Buckets<K> {

    /** Past this share of all subscriptions a bitset is smaller than an array of positions. */
    private static final int BITS_PER_POSITION = 32;

    private final Map<K, Positions> byKey = new HashMap<>();

    void file(K key, int position) {
        byKey.computeIfAbsent(key, k -> new Positions()).add(position);
    }

    /** Ends filing: turns the positions of frequent keys into bitsets over {@code size} subscriptions. */
    void seal(int size) {
        byKey.values().forEach(positions -> positions.seal(size));
    }

    /** Marks every position filed under the key. */
    void mark(K key, BitSet marks) {
        Positions positions = byKey.get(key);
        if (positions != null) {
            positions.markIn(marks);
        }
    }

    private static final class Positions {
        private int[] positions = new int[2];
        private int count;
        private BitSet bits;

        void add(int position) {
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, count * 2);
            }
            positions[count++] = position;
        }

        void seal(int size) {
            if ((long) count * BITS_PER_POSITION >= size) {
                bits = new BitSet(size);
                for (int i = 0; i < count; i++) {
                    bits.set(positions[i]);
                }
                positions = null;
            } else {
                positions = Arrays.copyOf(positions, count);
            }
        }

        void markIn(BitSet marks) {
            if (bits != null) {
                marks.or(bits);
                return;
            }
            for (int i = 0; i < count; i++) {
                marks.set(positions[i]);
            }
        }
    }
}

package dev.tern.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Subscription positions filed under keys: one part of {@link SubscriptionIndex}. */
final class Buckets<K> {

    private final Map<K, List<Integer>> byKey = new HashMap<>();

    void file(K key, int position) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(position);
    }

    /** Marks every position filed under the key. */
    void mark(K key, BitSet candidates) {
        List<Integer> positions = byKey.get(key);
        if (positions != null) {
            positions.forEach(candidates::set);
        }
    }
}

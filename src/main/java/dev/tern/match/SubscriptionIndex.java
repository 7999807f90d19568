package dev.tern.match;

import dev.tern.posting.Posting;
import java.util.Collection;
import java.util.List;

/** Finds the subscriptions a posting might match without scanning all. (Contract stub.) */
public final class SubscriptionIndex {

    private final List<Subscription> all;

    private SubscriptionIndex(List<Subscription> all) {
        this.all = all;
    }

    public static SubscriptionIndex of(Collection<Subscription> subscriptions) {
        return new SubscriptionIndex(List.copyOf(subscriptions));
    }

    /** Every subscription whose filter matches the posting, in a stable order. */
    public List<Subscription> matching(Posting posting) {
        return all.stream().filter(s -> s.filter().matches(posting)).toList();
    }

    public int size() {
        return all.size();
    }
}

package dev.tern.match;

import dev.tern.posting.Posting;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Matches postings against the current subscription index. */
public final class Matcher {

    private final Supplier<SubscriptionIndex> index;

    /** @param index the current index; re-read on every call so that refreshed subscriptions apply at once */
    public Matcher(Supplier<SubscriptionIndex> index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /** Every subscription the posting matches, in the index's order. */
    public List<Subscription> match(Posting posting) {
        return index.get().matching(posting);
    }
}

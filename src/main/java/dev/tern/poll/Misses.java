package dev.tern.poll;

import dev.tern.store.SourceState;
import dev.tern.store.StoredPosting;
import java.util.Set;

/**
 * How many polls in a row have missed a posting once this poll misses it too: the misses it had, this poll, and,
 * for a posting a hold kept open, the held poll and each poll that agreed with it. The one count both the rule that
 * holds a suspicious poll and the rule that closes use, so that a poll ending a hold is judged by what it closes.
 *
 * @param held the keys a hold kept open; empty when nothing is held
 * @param heldPolls the polls the hold lasted (the held poll and its confirmations)
 */
record Misses(Set<String> held, int heldPolls) {

    static final Misses NONE = new Misses(Set.of(), 0);

    Misses {
        held = Set.copyOf(held);
    }

    /** The misses of the source's hold, if it holds one. */
    static Misses of(SourceState state) {
        return state.holding() ? new Misses(Set.copyOf(state.heldKeys()), 1 + state.heldConfirmations()) : NONE;
    }

    /** Polls in a row that missed {@code stored}, this one included. */
    int after(StoredPosting stored) {
        return stored.missedPolls() + 1 + (held.contains(stored.key()) ? heldPolls : 0);
    }
}

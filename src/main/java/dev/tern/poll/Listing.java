package dev.tern.poll;

import dev.tern.posting.Posting;
import java.util.List;

/**
 * What one successful fetch listed, as the reconciler needs it.
 *
 * @param postings the postings kept (normalised, after {@code classify})
 * @param listedBySource how many postings the source itself listed, before {@code classify}: a board that still
 *     lists jobs, none of them internships, did not "return nothing"
 * @param complete false when the listing was cut short (page or link limits): what it does not list is not missing
 */
public record Listing(List<Posting> postings, int listedBySource, boolean complete) {

    public Listing {
        postings = List.copyOf(postings);
    }
}

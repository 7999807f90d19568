package dev.tern.match;

import dev.tern.config.FilterConfig;
import dev.tern.posting.Posting;

/** A compiled filter. (Contract stub: the matching work fills it in.) */
public record Filter(FilterConfig config) {

    /** Compiles a filter; a malformed keyword query throws {@link QueryException} saying where. */
    public static Filter of(FilterConfig config) throws QueryException {
        return new Filter(config);
    }

    public boolean matches(Posting posting) {
        return true;
    }
}

package dev.tern.source;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec;

/**
 * Reads one type of source. The fetch is separate from parsing: each adapter keeps a pure
 * {@code parse(bytes) -> List<RawPosting>} that tests run on saved responses.
 */
public interface SourceAdapter extends SourceTypeSpec {

    /**
     * Fetches everything the source lists now.
     *
     * @param source the configured source (its type is this adapter's)
     * @param http the shared HTTP client (timeouts, size cap, retries)
     * @param previous validators of the last successful fetch, for a conditional GET
     * @return the postings, or {@link FetchResult.NotModified}
     * @throws FetchException when the fetch or the parse fails; nothing must be closed because of it
     * @throws InterruptedException when the poll is being stopped
     */
    FetchResult fetch(SourceConfig source, Http http, CacheTags previous) throws FetchException, InterruptedException;
}

package dev.tern.source.amazon;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import java.util.List;

/** The amazon type's pure parser for tests outside its package (the property test of every parser). */
public final class AmazonParsing {

    private AmazonParsing() {}

    /** The postings of one page, as {@link AmazonAdapter} reads them. */
    public static List<RawPosting> parse(byte[] body, String url) throws FetchException {
        return AmazonParser.parse(body, url).postings();
    }
}

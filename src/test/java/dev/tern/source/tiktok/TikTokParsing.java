package dev.tern.source.tiktok;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import java.util.List;

/** The tiktok type's pure parser for tests outside its package (the property test of every parser). */
public final class TikTokParsing {

    private TikTokParsing() {}

    /** The postings of one page, as {@link TikTokAdapter} reads them. */
    public static List<RawPosting> parse(byte[] body, String url) throws FetchException {
        return TikTokParser.parse(body, url).postings();
    }
}

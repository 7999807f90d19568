package dev.tern.source.ashby;

import dev.tern.posting.RawPosting;
import dev.tern.source.BoardAdapter;
import dev.tern.source.BoardFetch;
import dev.tern.source.FetchException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** An Ashby job board, {@code GET {baseUrl}/posting-api/job-board/{board}}, with a conditional GET. */
public final class AshbyAdapter extends BoardAdapter {

    public static final String TYPE = "ashby";
    public static final String DEFAULT_BASE_URL = "https://api.ashbyhq.com";

    public AshbyAdapter() {
        super(
                TYPE,
                "board",
                Pattern.compile("[A-Za-z0-9._-]+"),
                "must be the board name from jobs.ashbyhq.com/<board>: letters, digits, '.', '_' or '-'");
    }

    @Override
    protected URI uri(String baseUrl, String name) throws FetchException {
        return boardUri(baseUrl, name);
    }

    @Override
    protected String notFound(String name, String url) {
        return "Ashby has no job board '" + name + "' (HTTP 404 from " + url + "): check the source's"
                + " 'board', the name in jobs.ashbyhq.com/<board>";
    }

    @Override
    protected List<RawPosting> parse(byte[] body, String url, String company) throws FetchException {
        return AshbyParser.parse(body, url, company);
    }

    static URI boardUri(String baseUrl, String name) throws FetchException {
        return BoardFetch.uri(baseUrl, DEFAULT_BASE_URL, "/posting-api/job-board/" + name);
    }
}

package dev.tern.source.greenhouse;

import dev.tern.posting.RawPosting;
import dev.tern.source.BoardAdapter;
import dev.tern.source.BoardFetch;
import dev.tern.source.FetchException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** A Greenhouse job board, {@code GET {baseUrl}/v1/boards/{board}/jobs?content=true}, with a conditional GET. */
public final class GreenhouseAdapter extends BoardAdapter {

    public static final String TYPE = "greenhouse";
    public static final String DEFAULT_BASE_URL = "https://boards-api.greenhouse.io";

    public GreenhouseAdapter() {
        super(
                TYPE,
                "board",
                Pattern.compile("[A-Za-z0-9._-]+"),
                "must be the board's token from its URL (boards.greenhouse.io/<board>), letters, digits,"
                        + " '.', '_' or '-' only");
    }

    @Override
    protected URI uri(String baseUrl, String name) throws FetchException {
        return jobsUri(baseUrl, name);
    }

    @Override
    protected String notFound(String name, String url) {
        return "Greenhouse has no board '" + name + "' (HTTP 404 from " + url + "): check the source's"
                + " 'board', the name in boards.greenhouse.io/<board>";
    }

    @Override
    protected List<RawPosting> parse(byte[] body, String url, String company) throws FetchException {
        return GreenhouseParser.parse(body, url, company);
    }

    static URI jobsUri(String baseUrl, String name) throws FetchException {
        return BoardFetch.uri(baseUrl, DEFAULT_BASE_URL, "/v1/boards/" + name + "/jobs?content=true");
    }
}

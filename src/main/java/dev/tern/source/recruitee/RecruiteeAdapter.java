package dev.tern.source.recruitee;

import dev.tern.posting.RawPosting;
import dev.tern.source.BoardAdapter;
import dev.tern.source.BoardFetch;
import dev.tern.source.FetchException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Recruitee careers site, {@code GET https://{subdomain}.recruitee.com/api/offers/} (or {@code {baseUrl}/api/offers/}),
 * with a conditional GET.
 */
public final class RecruiteeAdapter extends BoardAdapter {

    public static final String TYPE = "recruitee";

    public RecruiteeAdapter() {
        super(
                TYPE,
                "subdomain",
                Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"),
                "must be the name before .recruitee.com in the careers site address (<subdomain>.recruitee"
                        + ".com): letters, digits and '-'");
    }

    @Override
    protected URI uri(String baseUrl, String name) throws FetchException {
        return offersUri(baseUrl, name);
    }

    @Override
    protected String notFound(String name, String url) {
        return "Recruitee has no careers site '" + name + "' (HTTP 404 from " + url + "): check the"
                + " source's 'subdomain', the name in <subdomain>.recruitee.com";
    }

    @Override
    protected List<RawPosting> parse(byte[] body, String url, String company) throws FetchException {
        return RecruiteeParser.parse(body, url, company);
    }

    static URI offersUri(String baseUrl, String name) throws FetchException {
        return BoardFetch.uri(baseUrl, "https://" + name + ".recruitee.com", "/api/offers/");
    }
}

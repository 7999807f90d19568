package dev.tern.source.workable;

import dev.tern.posting.RawPosting;
import dev.tern.source.BoardAdapter;
import dev.tern.source.BoardFetch;
import dev.tern.source.FetchException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** A Workable account, {@code GET {baseUrl}/api/v1/widget/accounts/{account}}, with a conditional GET. */
public final class WorkableAdapter extends BoardAdapter {

    public static final String TYPE = "workable";
    public static final String DEFAULT_BASE_URL = "https://apply.workable.com";

    public WorkableAdapter() {
        super(
                TYPE,
                "account",
                Pattern.compile("[A-Za-z0-9._-]+"),
                "must be the account name from apply.workable.com/<account>: letters, digits, '.', '_' or" + " '-'");
    }

    @Override
    protected URI uri(String baseUrl, String name) throws FetchException {
        return accountUri(baseUrl, name);
    }

    @Override
    protected String notFound(String name, String url) {
        return "Workable has no account '" + name + "' (HTTP 404 from " + url + "): check the source's"
                + " 'account', the name in apply.workable.com/<account>";
    }

    @Override
    protected List<RawPosting> parse(byte[] body, String url, String company) throws FetchException {
        return WorkableParser.parse(body, url, company);
    }

    static URI accountUri(String baseUrl, String name) throws FetchException {
        return BoardFetch.uri(baseUrl, DEFAULT_BASE_URL, "/api/v1/widget/accounts/" + name);
    }
}

package dev.tern.source.workable;

import dev.tern.config.SourceConfig;
import dev.tern.source.BoardFetch;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.SourceAdapter;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A Workable account, {@code GET {baseUrl}/api/v1/widget/accounts/{account}}, with a conditional GET. */
public final class WorkableAdapter implements SourceAdapter {

    public static final String TYPE = "workable";
    public static final String DEFAULT_BASE_URL = "https://apply.workable.com";
    private static final String ACCOUNT = "account";
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(ACCOUNT);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of();
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        return source
                .setting(ACCOUNT)
                .filter(account -> !ACCOUNT_NAME.matcher(account).matches())
                .stream()
                .map(account -> new Problem(
                        ACCOUNT,
                        "must be the account name from apply.workable.com/<account>: letters, digits, '.', '_' or"
                                + " '-'"))
                .toList();
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        String account = source.requiredSetting(ACCOUNT);
        String company = source.company() != null ? source.company() : account;
        return BoardFetch.fetch(
                http,
                accountUri(source.baseUrl(), account),
                previous,
                url -> "Workable has no account '" + account + "' (HTTP 404 from " + url + "): check the source's"
                        + " 'account', the name in apply.workable.com/<account>",
                (body, url) -> WorkableParser.parse(body, url, company));
    }

    static URI accountUri(String baseUrl, String account) throws FetchException {
        if (!ACCOUNT_NAME.matcher(account).matches()) {
            throw new FetchException("Workable account '" + account + "' is not a valid account name");
        }
        return BoardFetch.uri(baseUrl, DEFAULT_BASE_URL, "/api/v1/widget/accounts/" + account);
    }
}

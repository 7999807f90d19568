package dev.tern.source.workable;

import dev.tern.config.SourceConfig;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.HttpStatusException;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
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
    private static final int NOT_FOUND = 404;

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
        URI uri = accountUri(source.baseUrl(), account);
        String url = Urls.redact(uri);
        Http.Response response;
        try {
            response = http.get(uri, previous == null ? CacheTags.NONE : previous);
        } catch (HttpStatusException e) {
            if (e.status() == NOT_FOUND) {
                throw new HttpStatusException(
                        NOT_FOUND,
                        e.url(),
                        "Workable has no account '" + account + "' (HTTP 404 from " + url + "): check the source's"
                                + " 'account', the name in apply.workable.com/<account>");
            }
            throw e;
        }
        if (response.notModified()) {
            return new FetchResult.NotModified();
        }
        String company = source.company() != null ? source.company() : account;
        return new FetchResult.Fetched(WorkableParser.parse(response.body(), url, company), response.tags());
    }

    static URI accountUri(String baseUrl, String account) throws FetchException {
        String base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        if (!ACCOUNT_NAME.matcher(account).matches()) {
            throw new FetchException("Workable account '" + account + "' is not a valid account name");
        }
        try {
            return URI.create(base.replaceAll("/+$", "") + "/api/v1/widget/accounts/" + account);
        } catch (IllegalArgumentException e) {
            throw new FetchException("baseUrl '" + Urls.redact(base) + "' is not a valid URL");
        }
    }
}

package dev.tern.source.recruitee;

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

/**
 * A Recruitee careers site, {@code GET https://{subdomain}.recruitee.com/api/offers/} (or {@code {baseUrl}/api/offers/}),
 * with a conditional GET.
 */
public final class RecruiteeAdapter implements SourceAdapter {

    public static final String TYPE = "recruitee";
    private static final String SUBDOMAIN = "subdomain";
    private static final Pattern SUBDOMAIN_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(SUBDOMAIN);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of();
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        return source
                .setting(SUBDOMAIN)
                .filter(name -> !SUBDOMAIN_NAME.matcher(name).matches())
                .stream()
                .map(name -> new Problem(
                        SUBDOMAIN,
                        "must be the name before .recruitee.com in the careers site address (<subdomain>.recruitee"
                                + ".com): letters, digits and '-'"))
                .toList();
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        String subdomain = source.requiredSetting(SUBDOMAIN);
        String company = source.company() != null ? source.company() : subdomain;
        return BoardFetch.fetch(
                http,
                offersUri(source.baseUrl(), subdomain),
                previous,
                url -> "Recruitee has no careers site '" + subdomain + "' (HTTP 404 from " + url + "): check the"
                        + " source's 'subdomain', the name in <subdomain>.recruitee.com",
                (body, url) -> RecruiteeParser.parse(body, url, company));
    }

    static URI offersUri(String baseUrl, String subdomain) throws FetchException {
        if (!SUBDOMAIN_NAME.matcher(subdomain).matches()) {
            throw new FetchException("Recruitee subdomain '" + subdomain + "' is not a valid name");
        }
        return BoardFetch.uri(baseUrl, "https://" + subdomain + ".recruitee.com", "/api/offers/");
    }
}

package dev.tern.source.ashby;

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

/** An Ashby job board, {@code GET {baseUrl}/posting-api/job-board/{board}}, with a conditional GET. */
public final class AshbyAdapter implements SourceAdapter {

    public static final String TYPE = "ashby";
    public static final String DEFAULT_BASE_URL = "https://api.ashbyhq.com";
    private static final String BOARD = "board";
    private static final Pattern BOARD_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int NOT_FOUND = 404;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(BOARD);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of();
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        return source.setting(BOARD).filter(board -> !BOARD_NAME.matcher(board).matches()).stream()
                .map(board -> new Problem(
                        BOARD,
                        "must be the board name from jobs.ashbyhq.com/<board>: letters, digits, '.', '_' or '-'"))
                .toList();
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        String board = source.requiredSetting(BOARD);
        URI uri = boardUri(source.baseUrl(), board);
        String url = Urls.redact(uri);
        Http.Response response;
        try {
            response = http.get(uri, previous == null ? CacheTags.NONE : previous);
        } catch (HttpStatusException e) {
            if (e.status() == NOT_FOUND) {
                throw new HttpStatusException(
                        NOT_FOUND,
                        e.url(),
                        "Ashby has no job board '" + board + "' (HTTP 404 from " + url + "): check the source's"
                                + " 'board', the name in jobs.ashbyhq.com/<board>");
            }
            throw e;
        }
        if (response.notModified()) {
            return new FetchResult.NotModified();
        }
        String company = source.company() != null ? source.company() : board;
        return new FetchResult.Fetched(AshbyParser.parse(response.body(), url, company), response.tags());
    }

    static URI boardUri(String baseUrl, String board) throws FetchException {
        String base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        if (!BOARD_NAME.matcher(board).matches()) {
            throw new FetchException("Ashby board '" + board + "' is not a valid board name");
        }
        try {
            return URI.create(base.replaceAll("/+$", "") + "/posting-api/job-board/" + board);
        } catch (IllegalArgumentException e) {
            throw new FetchException("baseUrl '" + Urls.redact(base) + "' is not a valid URL");
        }
    }
}

package dev.tern.source.ashby;

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

/** An Ashby job board, {@code GET {baseUrl}/posting-api/job-board/{board}}, with a conditional GET. */
public final class AshbyAdapter implements SourceAdapter {

    public static final String TYPE = "ashby";
    public static final String DEFAULT_BASE_URL = "https://api.ashbyhq.com";
    private static final String BOARD = "board";
    private static final Pattern BOARD_NAME = Pattern.compile("[A-Za-z0-9._-]+");

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
        String company = source.company() != null ? source.company() : board;
        return BoardFetch.fetch(
                http,
                boardUri(source.baseUrl(), board),
                previous,
                url -> "Ashby has no job board '" + board + "' (HTTP 404 from " + url + "): check the source's"
                        + " 'board', the name in jobs.ashbyhq.com/<board>",
                (body, url) -> AshbyParser.parse(body, url, company));
    }

    static URI boardUri(String baseUrl, String board) throws FetchException {
        if (!BOARD_NAME.matcher(board).matches()) {
            throw new FetchException("Ashby board '" + board + "' is not a valid board name");
        }
        return BoardFetch.uri(baseUrl, DEFAULT_BASE_URL, "/posting-api/job-board/" + board);
    }
}

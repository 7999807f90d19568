package dev.tern.source.greenhouse;

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

/** A Greenhouse job board, {@code GET {baseUrl}/v1/boards/{board}/jobs?content=true}, with a conditional GET. */
public final class GreenhouseAdapter implements SourceAdapter {

    public static final String TYPE = "greenhouse";
    public static final String DEFAULT_BASE_URL = "https://boards-api.greenhouse.io";
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
                        "must be the board's token from its URL (boards.greenhouse.io/<board>), letters, digits,"
                                + " '.', '_' or '-' only"))
                .toList();
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        String board = source.requiredSetting(BOARD);
        String company = source.company() != null ? source.company() : board;
        return BoardFetch.fetch(
                http,
                jobsUri(source.baseUrl(), board),
                previous,
                url -> "Greenhouse has no board '" + board + "' (HTTP 404 from " + url + "): check the source's"
                        + " 'board', the name in boards.greenhouse.io/<board>",
                (body, url) -> GreenhouseParser.parse(body, url, company));
    }

    static URI jobsUri(String baseUrl, String board) throws FetchException {
        if (!BOARD_NAME.matcher(board).matches()) {
            throw new FetchException("Greenhouse board '" + board + "' is not a valid board name");
        }
        return BoardFetch.uri(baseUrl, DEFAULT_BASE_URL, "/v1/boards/" + board + "/jobs?content=true");
    }
}

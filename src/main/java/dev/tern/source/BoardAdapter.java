package dev.tern.source;

import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A board read with one request and named by one key (Greenhouse {@code board}, Ashby {@code board}, Recruitee
 * {@code subdomain}, Workable {@code account}): the key is checked, the board fetched with {@link BoardFetch}, and
 * the company defaults to the board's name. A subclass says only its URL, its 404 hint and its parser.
 */
public abstract class BoardAdapter implements SourceAdapter {

    private final String type;
    private final String key;
    private final Pattern name;
    private final String nameRule;

    /**
     * @param type the {@code type} value
     * @param key the key naming the board
     * @param name what a valid name looks like
     * @param nameRule the check() message for an invalid name: where the name comes from and what it may contain
     */
    protected BoardAdapter(String type, String key, Pattern name, String nameRule) {
        this.type = type;
        this.key = key;
        this.name = name;
        this.nameRule = nameRule;
    }

    /** The board's address for this name, under {@code baseUrl} when set. */
    protected abstract URI uri(String baseUrl, String name) throws FetchException;

    /** The 404 message: there is no such board; which key to check. {@code url} is already redacted. */
    protected abstract String notFound(String name, String url);

    /** Reads the board's answer. */
    protected abstract List<RawPosting> parse(byte[] body, String url, String company) throws FetchException;

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Set<String> requiredKeys() {
        return Set.of(key);
    }

    @Override
    public final Set<String> optionalKeys() {
        return Set.of();
    }

    @Override
    public final List<Problem> check(SourceConfig source) {
        return source.setting(key).filter(value -> !name.matcher(value).matches()).stream()
                .map(value -> new Problem(key, nameRule))
                .toList();
    }

    @Override
    public final FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        String board = source.requiredSetting(key);
        if (!name.matcher(board).matches()) {
            throw new FetchException(type + " " + key + " '" + board + "' is not a valid name: it " + nameRule);
        }
        String company = source.company() != null ? source.company() : board;
        return BoardFetch.fetch(
                http,
                uri(source.baseUrl(), board),
                previous,
                url -> notFound(board, url),
                (body, url) -> parse(body, url, company));
    }
}

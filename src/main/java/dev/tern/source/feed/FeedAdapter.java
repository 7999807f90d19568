package dev.tern.source.feed;

import dev.tern.config.SourceConfig;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
import dev.tern.source.web.SourceUrls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An RSS 2.0 or Atom 1.0 feed at {@code url}, with a conditional GET; {@code titlePattern} optionally splits titles
 * that pack company and location into one line.
 */
public final class FeedAdapter implements SourceAdapter {

    public static final String TYPE = "feed";
    static final String TITLE_PATTERN = "titlePattern";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(SourceUrls.URL);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of(TITLE_PATTERN);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(SourceUrls.URL)
                .flatMap(SourceUrls::problem)
                .ifPresent(problem -> problems.add(new Problem(SourceUrls.URL, problem)));
        source.setting(TITLE_PATTERN)
                .flatMap(TitlePattern::problem)
                .ifPresent(problem -> problems.add(new Problem(TITLE_PATTERN, problem)));
        return problems;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        URI uri = SourceUrls.resolve(source);
        Http.Response response = http.get(uri, previous == null ? CacheTags.NONE : previous);
        if (response.notModified()) {
            return new FetchResult.NotModified();
        }
        String regex = source.setting(TITLE_PATTERN).orElse(null);
        if (regex != null && TitlePattern.problem(regex).isPresent()) {
            throw new FetchException(
                    "titlePattern " + TitlePattern.problem(regex).get());
        }
        return new FetchResult.Fetched(
                FeedParser.parse(response.body(), Urls.redact(uri), TitlePattern.compile(regex)), response.tags());
    }
}

package dev.tern.source.json;

import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import java.util.List;

/** The json type's pure parser for tests outside its package (the property test of every parser). */
public final class JsonParsing {

    private JsonParsing() {}

    /** What {@link JsonApiAdapter} gets from one response of the source. */
    public static List<RawPosting> parse(byte[] body, String url, SourceConfig source) throws FetchException {
        return JsonApiParser.parse(body, url, JsonMapping.of(source));
    }
}

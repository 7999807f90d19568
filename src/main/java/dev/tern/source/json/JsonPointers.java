package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import dev.tern.config.SourceTypeSpec.Problem;
import java.util.List;

/** Checks the JSON pointers (RFC 6901) a {@code json} source is written with. */
final class JsonPointers {

    private JsonPointers() {}

    /** Adds a problem for {@code key} when {@code pointer} is not a JSON pointer. */
    static void check(String key, String pointer, List<Problem> problems) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(
                    key,
                    "is not a JSON pointer ('" + pointer + "'): it must start with '/', like"
                            + " /data/jobs or /id (use '' for the whole document)"));
        }
    }
}

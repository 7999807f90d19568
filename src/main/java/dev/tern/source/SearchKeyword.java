package dev.tern.source;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import java.util.List;

/**
 * The {@code keyword} of a career site searched through its own search box (TikTok, Amazon): it narrows what the
 * site sends; {@code classify} still decides what is an internship. Default {@value #DEFAULT}.
 */
public final class SearchKeyword {

    public static final String KEY = "keyword";
    public static final String DEFAULT = "intern";
    private static final int MAX_LENGTH = 100;

    private SearchKeyword() {}

    /** The source's keyword, stripped, or {@value #DEFAULT}. */
    public static String of(SourceConfig source) {
        return source.setting(KEY).map(String::strip).filter(k -> !k.isEmpty()).orElse(DEFAULT);
    }

    /** A problem when the keyword is too long to be a search. */
    public static List<Problem> problems(SourceConfig source) {
        return source.setting(KEY)
                .filter(keyword -> keyword.strip().length() > MAX_LENGTH)
                .map(keyword -> List.of(new Problem(
                        KEY,
                        "is " + keyword.strip().length() + " characters long; a search keyword has at most "
                                + MAX_LENGTH + " (for example: intern)")))
                .orElse(List.of());
    }
}

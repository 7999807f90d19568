package dev.tern.posting;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an internship's start term: from the source's terms ("Summer 2026") first, else from the title ("Summer
 * 2026", "2026 Start", "Fall '25", "Summer/Fall 2026", "Co-op (January 2026)"). What cannot be read stays unknown.
 */
public final class Terms {

    private static final String SEASON = "(?:summer|fall|autumn|winter|spring)";
    private static final String SEASONS = SEASON + "(?:\\s*(?:/|&|and|-)\\s*" + SEASON + ")*";
    private static final String YEAR = "(20\\d{2})(?![\\w./-]?\\d)";
    private static final String YEAR_BY_SEASON = "(20\\d{2})(?!\\d)";
    private static final String SHORT_YEAR = "['’](\\d{2})(?!\\w)";
    private static final Pattern SEASON_YEAR = Pattern.compile(
            "(?<!\\w)(" + SEASONS + ")[\\s,]*(?:" + YEAR_BY_SEASON + "|" + SHORT_YEAR + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_SEASON =
            Pattern.compile("(?<![\\w#./-])" + YEAR + "\\s+(" + SEASONS + ")(?!\\w)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "(?<!\\w)(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?,?\\s+" + YEAR,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\w#./-])" + YEAR + "(?!\\w)");
    private static final Pattern ID_BEFORE =
            Pattern.compile("(?:\\bid|\\breq|\\bno\\.?|#|number)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEASON_ALONE = Pattern.compile(
            "(?<!\\w)(" + SEASONS
                    + ")(?=\\s+(?:intern|internship|co-?op|analyst|associate|program|term|start|cohort)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEASON_WORD = Pattern.compile(SEASON, Pattern.CASE_INSENSITIVE);
    private static final Pattern ONLY_SEASONS = Pattern.compile("\\s*" + SEASONS + "\\s*", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> MONTH_SEASONS = Map.ofEntries(
            Map.entry("jan", "Winter"),
            Map.entry("feb", "Winter"),
            Map.entry("mar", "Spring"),
            Map.entry("apr", "Spring"),
            Map.entry("may", "Spring"),
            Map.entry("jun", "Summer"),
            Map.entry("jul", "Summer"),
            Map.entry("aug", "Summer"),
            Map.entry("sep", "Fall"),
            Map.entry("oct", "Fall"),
            Map.entry("nov", "Fall"),
            Map.entry("dec", "Fall"));
    private static final List<String> SEASON_ORDER = List.of("Winter", "Spring", "Summer", "Fall");
    private static final String[] SEASON_HINTS = {"summer", "fall", "autumn", "winter", "spring"};
    private static final String YEAR_HINT = "20";
    private static final int CENTURY = 2000;
    private static final int MONTH_PREFIX = 3;
    private static final Comparator<Term> EARLIEST = Comparator.comparing(
                    Term::year, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(term -> term.season() == null ? SEASON_ORDER.size() : seasonRank(term.season()));

    private Terms() {}

    /**
     * The start term, or null when neither the terms nor the title say. With several terms the earliest wins; a
     * term without a year ("Summer") takes the year from the title when the title has one.
     */
    public static Term parse(List<String> terms, String title) {
        Term fromTerms = terms == null
                ? null
                : terms.stream()
                        .map(Terms::read)
                        .filter(Objects::nonNull)
                        .min(EARLIEST)
                        .orElse(null);
        if (fromTerms != null && fromTerms.year() != null) {
            return fromTerms;
        }
        Term fromTitle = title == null || title.isBlank() ? null : read(title);
        if (fromTerms == null) {
            return fromTitle;
        }
        return fromTitle != null && fromTitle.year() != null
                ? new Term(fromTerms.season(), fromTitle.year())
                : fromTerms;
    }

    /**
     * The posting's own term with what it leaves unknown (season, year or both) taken from the term its source
     * states ({@code term: "Summer 2026"} on a source); the own term as is when the source states none.
     */
    public static Term withDefault(Term own, Term source) {
        if (source == null) {
            return own;
        }
        if (own == null) {
            return source;
        }
        return new Term(
                own.season() != null ? own.season() : source.season(), own.year() != null ? own.year() : source.year());
    }

    /** Reads one text; a term list entry may be a bare season ("Summer"). */
    static Term read(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean hasSeason = Text.containsAny(lower, SEASON_HINTS);
        boolean hasYear = lower.contains(YEAR_HINT);
        if (!hasYear && !hasSeason) {
            return null; // most titles: skip the regular expressions below
        }
        Term term = hasSeason ? withSeason(text) : null;
        return term != null ? term : hasYear ? withYear(text, hasSeason) : seasonOnly(text);
    }

    private static Term withSeason(String text) {
        Matcher m = SEASON_YEAR.matcher(text);
        if (m.find()) {
            int year = m.group(2) != null ? Integer.parseInt(m.group(2)) : CENTURY + Integer.parseInt(m.group(3));
            return new Term(seasons(m.group(1)), year);
        }
        m = YEAR_SEASON.matcher(text);
        if (m.find()) {
            return new Term(seasons(m.group(2)), Integer.parseInt(m.group(1)));
        }
        return null;
    }

    private static Term withYear(String text, boolean hasSeason) {
        Matcher m = MONTH_YEAR.matcher(text);
        if (m.find()) {
            String month = m.group(1).substring(0, MONTH_PREFIX).toLowerCase(Locale.ROOT);
            return new Term(MONTH_SEASONS.get(month), Integer.parseInt(m.group(2)));
        }
        Integer year = bareYear(text);
        Term season = hasSeason ? seasonOnly(text) : null;
        if (year == null) {
            return season;
        }
        return new Term(season == null ? null : season.season(), year);
    }

    /** "Summer" as a whole term-list entry, or a season right before "Intern", "Program", ... in a title. */
    private static Term seasonOnly(String text) {
        if (ONLY_SEASONS.matcher(text).matches()) {
            return new Term(seasons(text), null);
        }
        Matcher alone = SEASON_ALONE.matcher(text);
        return alone.find() ? new Term(seasons(alone.group(1)), null) : null;
    }

    private static Integer bareYear(String text) {
        Matcher m = BARE_YEAR.matcher(text);
        while (m.find()) {
            if (!ID_BEFORE.matcher(text.substring(0, m.start())).find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }

    /** "summer / FALL" gives "Summer/Fall"; "Autumn" is "Fall". */
    private static String seasons(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = SEASON_WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            String name = word.equals("autumn") ? "Fall" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
            out.append(out.isEmpty() ? "" : "/").append(name);
        }
        return out.toString();
    }

    private static int seasonRank(String season) {
        int slash = season.indexOf('/');
        int rank = SEASON_ORDER.indexOf(slash < 0 ? season : season.substring(0, slash));
        return rank < 0 ? SEASON_ORDER.size() : rank;
    }
}

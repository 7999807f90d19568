package dev.tern.config;

import java.util.List;

/**
 * A filter as written in YAML (a route's {@code filter}) or built from slash-command options. Empty lists mean
 * "any".
 *
 * @param keywords a keyword query ({@code "machine learning" OR ml -senior}), or null for any
 * @param locations places a posting must be at (city, region, country or Remote)
 * @param startYears start years accepted
 * @param companies companies accepted
 * @param excludeCompanies companies never accepted
 * @param remote remote preference
 * @param includeUnknownYear whether postings with no known start year pass a startYears filter
 * @param sponsorship what a posting may say about sponsorship ({@code [offered, unknown]})
 * @param degrees degrees of which a posting must accept at least one
 * @param includeUnknownDegree whether postings that name no degree pass a degrees filter
 * @param categories categories accepted
 */
public record FilterConfig(
        String keywords,
        List<String> locations,
        List<Integer> startYears,
        List<String> companies,
        List<String> excludeCompanies,
        RemoteMode remote,
        boolean includeUnknownYear,
        List<Sponsorship> sponsorship,
        List<Degree> degrees,
        boolean includeUnknownDegree,
        List<Category> categories) {

    public FilterConfig {
        locations = locations == null ? List.of() : List.copyOf(locations);
        startYears = startYears == null ? List.of() : List.copyOf(startYears);
        companies = companies == null ? List.of() : List.copyOf(companies);
        excludeCompanies = excludeCompanies == null ? List.of() : List.copyOf(excludeCompanies);
        remote = remote == null ? RemoteMode.ANY : remote;
        sponsorship = sponsorship == null ? List.of() : List.copyOf(sponsorship);
        degrees = degrees == null ? List.of() : List.copyOf(degrees);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A filter without sponsorship, degree or category parts (as filters were before they existed). */
    public FilterConfig(
            String keywords,
            List<String> locations,
            List<Integer> startYears,
            List<String> companies,
            List<String> excludeCompanies,
            RemoteMode remote,
            boolean includeUnknownYear) {
        this(
                keywords,
                locations,
                startYears,
                companies,
                excludeCompanies,
                remote,
                includeUnknownYear,
                List.of(),
                List.of(),
                true,
                List.of());
    }

    /** A filter that accepts everything. */
    public static FilterConfig any() {
        return new FilterConfig(null, List.of(), List.of(), List.of(), List.of(), RemoteMode.ANY, true);
    }

    /** This filter with the sponsorship, degree and category parts replaced. */
    public FilterConfig withFacts(
            List<Sponsorship> sponsorship,
            List<Degree> degrees,
            boolean includeUnknownDegree,
            List<Category> categories) {
        return new FilterConfig(
                keywords,
                locations,
                startYears,
                companies,
                excludeCompanies,
                remote,
                includeUnknownYear,
                sponsorship,
                degrees,
                includeUnknownDegree,
                categories);
    }

    /** Remote preference of a filter. */
    public enum RemoteMode {
        /** Remote or not, no matter. */
        ANY,
        /** Only remote postings. */
        ONLY,
        /** No remote postings. */
        EXCLUDE
    }
}

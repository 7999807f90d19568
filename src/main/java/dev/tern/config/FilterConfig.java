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
 */
public record FilterConfig(
        String keywords,
        List<String> locations,
        List<Integer> startYears,
        List<String> companies,
        List<String> excludeCompanies,
        RemoteMode remote,
        boolean includeUnknownYear) {

    public FilterConfig {
        locations = locations == null ? List.of() : List.copyOf(locations);
        startYears = startYears == null ? List.of() : List.copyOf(startYears);
        companies = companies == null ? List.of() : List.copyOf(companies);
        excludeCompanies = excludeCompanies == null ? List.of() : List.copyOf(excludeCompanies);
        remote = remote == null ? RemoteMode.ANY : remote;
    }

    /** A filter that accepts everything. */
    public static FilterConfig any() {
        return new FilterConfig(null, List.of(), List.of(), List.of(), List.of(), RemoteMode.ANY, true);
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

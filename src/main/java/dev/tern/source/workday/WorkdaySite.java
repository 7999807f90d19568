package dev.tern.source.workday;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Workday careers site as read from its public address: the host, the tenant, the site, and the path postings
 * hang under. Knows the CXS API addresses that serve the site's postings.
 *
 * @param host the careers host ("acme.wd5.myworkdayjobs.com")
 * @param tenant the Workday tenant ("acme")
 * @param site the site name ("External")
 * @param sitePath the public path of the site without its locale ("/External", "/recruiting/acme/External")
 */
public record WorkdaySite(String host, String tenant, String site, String sitePath) {

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2,4})?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String EXAMPLE = "https://acme.wd5.myworkdayjobs.com/en-US/External";

    /**
     * Reads a careers address: {@code https://{tenant}.wdN.myworkdayjobs.com/[locale/]{site}},
     * {@code https://wdN.myworkdaysite.com/[locale/]recruiting/{tenant}/{site}}, or the CXS API address itself.
     *
     * @throws IllegalArgumentException with a message that says what a good address looks like
     */
    public static WorkdaySite parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(url, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw invalid(url, "it is not an http(s) address");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        List<String> segments = Arrays.stream(
                        uri.getPath() == null ? new String[0] : uri.getPath().split("/"))
                .filter(s -> !s.isEmpty())
                .toList();
        if (segments.size() > 1 && LOCALE.matcher(segments.get(0)).matches()) {
            segments = segments.subList(1, segments.size());
        }
        if (segments.size() >= 4
                && segments.get(0).equals("wday")
                && segments.get(1).equals("cxs")) {
            return checked(url, host, segments.get(2), segments.get(3), "/" + segments.get(3));
        }
        if (segments.size() >= 3 && segments.get(0).equals("recruiting")) {
            String path = "/recruiting/" + segments.get(1) + "/" + segments.get(2);
            return checked(url, host, segments.get(1), segments.get(2), path);
        }
        if (segments.isEmpty()) {
            throw invalid(url, "it has no site name after the host");
        }
        return checked(
                url,
                host,
                host.substring(0, host.indexOf('.') < 0 ? host.length() : host.indexOf('.')),
                segments.get(0),
                "/" + segments.get(0));
    }

    /** Where the API lives: {@code baseUrl} when set (scheme and host only), else https and the careers host. */
    public String apiBase(String baseUrl) {
        return baseUrl == null || baseUrl.isBlank()
                ? "https://" + host
                : baseUrl.strip().replaceAll("/+$", "");
    }

    /** {@code POST {base}/wday/cxs/{tenant}/{site}/jobs}: the search. */
    public URI jobsUri(String apiBase) {
        return URI.create(apiBase + cxsPath() + "/jobs");
    }

    /** {@code GET {base}/wday/cxs/{tenant}/{site}{externalPath}}: one posting's detail. */
    public URI detailUri(String apiBase, String externalPath) {
        return URI.create(apiBase + cxsPath() + externalPath);
    }

    /** The public page of a posting: {@code https://{host}{sitePath}{externalPath}}. */
    public String postingUrl(String externalPath) {
        return "https://" + host + sitePath + externalPath;
    }

    private String cxsPath() {
        return "/wday/cxs/" + tenant + "/" + site;
    }

    private static WorkdaySite checked(String url, String host, String tenant, String site, String sitePath) {
        if (!NAME.matcher(tenant).matches() || !NAME.matcher(site).matches()) {
            throw invalid(url, "the tenant '" + tenant + "' or site '" + site + "' has unexpected characters");
        }
        return new WorkdaySite(host, tenant, site, sitePath);
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("'" + url + "' is not a Workday careers site address (" + why
                + "); use the address of the job" + " list, like " + EXAMPLE);
    }
}

package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class UrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "HTTPS://Example.COM:443/jobs/1,                                 https://example.com/jobs/1",
        "http://example.com:80/jobs/1,                                   http://example.com/jobs/1",
        "http://example.com:8080/jobs/1,                                 http://example.com:8080/jobs/1",
        "https://example.com/jobs/1/#apply,                              https://example.com/jobs/1",
        "https://example.com/,                                           https://example.com",
        "https://example.com/jobs/1?utm_source=simplify&utm_medium=x,    https://example.com/jobs/1",
        "https://example.com/j?ref=abc&id=7&source=li&src=x&fbclid=1,    https://example.com/j?id=7",
        "https://example.com/j?gclid=1&referrer=x&lever-source=a&lever-origin=b, https://example.com/j",
        "https://tripactions.com/job-openings?gh_jid=5980878&gh_src=abc, https://tripactions.com/job-openings?gh_jid=5980878",
        "https://example.com/j?b=2&a=1,                                  https://example.com/j?b=2&a=1",
        "https://jobs.lever.co/palantir/315f695d/apply,                  https://jobs.lever.co/palantir/315f695d",
        "https://jobs.ashbyhq.com/etched/605c286d/application,           https://jobs.ashbyhq.com/etched/605c286d",
        "https://boards.greenhouse.io/axon/jobs/5729825003,              https://job-boards.greenhouse.io/axon/jobs/5729825003",
    })
    void canonicalises(String url, String expected) {
        assertThat(Urls.canonical(url)).isEqualTo(expected);
    }

    @Test
    void keepsCaseOfPathAndQuery() {
        assertThat(Urls.canonical("https://jobs.smartrecruiters.com/Visa/743999986682224?Token=AbC"))
                .isEqualTo("https://jobs.smartrecruiters.com/Visa/743999986682224?Token=AbC");
    }

    @Test
    void invalidOrNonHttpInputComesBackTrimmed() {
        assertThat(Urls.canonical("  not a url  ")).isEqualTo("not a url");
        assertThat(Urls.canonical("http://exa mple.com/%%")).isEqualTo("http://exa mple.com/%%");
        assertThat(Urls.canonical("mailto:jobs@example.com")).isEqualTo("mailto:jobs@example.com");
        assertThat(Urls.canonical(null)).isEmpty();
    }
}

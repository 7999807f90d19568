package dev.tern.source.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class RobotsRulesTest {

    @Test
    void theGroupNamingTernWinsOverTheStarGroup() {
        RobotsRules rules = RobotsRules.parse(
                "User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nUser-agent: tern\nDisallow: /admin\n", "Tern");

        assertThat(rules.allows("/careers")).isTrue();
        assertThat(rules.allows("/admin/users")).isFalse();
    }

    @Test
    void theStarGroupAppliesWhenNoGroupNamesTern() {
        RobotsRules rules =
                RobotsRules.parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /search\n", "Tern");

        assertThat(rules.allows("/careers")).isTrue();
        assertThat(rules.allows("/search?q=intern")).isFalse();
    }

    @Test
    void theLongestMatchWinsAndAllowWinsATie() {
        RobotsRules rules = RobotsRules.parse(
                "User-agent: *\nDisallow: /jobs\nAllow: /jobs/open\nDisallow: /x\nAllow: /x\n", "Tern");

        assertThat(rules.allows("/jobs/closed")).isFalse();
        assertThat(rules.allows("/jobs/open/1")).isTrue();
        assertThat(rules.allows("/x")).isTrue();
    }

    @Test
    void understandsWildcardsEndAnchorsCommentsAndEmptyDisallow() {
        RobotsRules rules = RobotsRules.parse(
                "# hello\nUser-agent: * # everyone\nDisallow: /*.pdf$\nDisallow: /*?sessionid=\nDisallow:\n", "Tern");

        assertThat(rules.allows("/files/offer.pdf")).isFalse();
        assertThat(rules.allows("/files/offer.pdf.html")).isTrue();
        assertThat(rules.allows("/jobs?sessionid=1")).isFalse();
        assertThat(rules.allows("/jobs")).isTrue();
        assertThat(RobotsRules.ALLOW_ALL.allows("/anything")).isTrue();
    }
}

package dev.tern.source.workday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class WorkdaySiteTest {

    @Test
    void readsTenantAndSiteFromACareersAddressWithALocale() {
        WorkdaySite site = WorkdaySite.parse("https://Brightwater.wd1.myworkdayjobs.com/en-US/Careers");

        assertThat(site)
                .isEqualTo(new WorkdaySite("brightwater.wd1.myworkdayjobs.com", "brightwater", "Careers", "/Careers"));
        assertThat(site.jobsUri(site.apiBase(null)).toString())
                .isEqualTo("https://brightwater.wd1.myworkdayjobs.com/wday/cxs/brightwater/Careers/jobs");
        assertThat(site.detailUri(site.apiBase(null), "/job/Chicago-IL/Intern_JR-1")
                        .toString())
                .isEqualTo(
                        "https://brightwater.wd1.myworkdayjobs.com/wday/cxs/brightwater/Careers/job/Chicago-IL/Intern_JR-1");
        assertThat(site.postingUrl("/job/Chicago-IL/Intern_JR-1"))
                .isEqualTo("https://brightwater.wd1.myworkdayjobs.com/Careers/job/Chicago-IL/Intern_JR-1");
    }

    @Test
    void readsAddressesWithoutLocaleOnMyWorkdaySiteAndOfTheApiItself() {
        assertThat(WorkdaySite.parse("https://brightwater.wd1.myworkdayjobs.com/Careers/job/Austin/X_1")
                        .site())
                .isEqualTo("Careers");
        WorkdaySite shared = WorkdaySite.parse("https://wd3.myworkdaysite.com/fr-CA/recruiting/brightwater/Campus");
        assertThat(shared)
                .isEqualTo(new WorkdaySite(
                        "wd3.myworkdaysite.com", "brightwater", "Campus", "/recruiting/brightwater/Campus"));
        assertThat(WorkdaySite.parse("https://brightwater.wd1.myworkdayjobs.com/wday/cxs/brightwater/Careers/jobs"))
                .extracting(WorkdaySite::tenant, WorkdaySite::site, WorkdaySite::sitePath)
                .containsExactly("brightwater", "Careers", "/Careers");
    }

    @Test
    void aBaseUrlReplacesOnlySchemeAndHostOfTheApi() {
        WorkdaySite site = WorkdaySite.parse("https://brightwater.wd1.myworkdayjobs.com/en-US/Careers");

        assertThat(site.jobsUri(site.apiBase("http://127.0.0.1:8080/")).toString())
                .isEqualTo("http://127.0.0.1:8080/wday/cxs/brightwater/Careers/jobs");
    }

    @Test
    void anAddressWithoutSiteOrNotHttpIsRefusedWithAnExample() {
        assertThatThrownBy(() -> WorkdaySite.parse("https://brightwater.wd1.myworkdayjobs.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no site name")
                .hasMessageContaining("like https://acme.wd5.myworkdayjobs.com/en-US/External");
        assertThatThrownBy(() -> WorkdaySite.parse("brightwater"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an http(s) address");
    }
}

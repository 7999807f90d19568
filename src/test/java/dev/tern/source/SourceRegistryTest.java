package dev.tern.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.source.lever.LeverAdapter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SourceRegistryTest {

    private final SourceRegistry registry = SourceRegistry.standard();

    @Test
    void knowsEveryRegisteredType() {
        assertThat(registry.specs()).containsKeys("simplify", "greenhouse", "lever", "feed", "html", "jsonld", "json");
        assertThat(registry.adapter("greenhouse"))
                .get()
                .extracting(SourceAdapter::type)
                .isEqualTo("greenhouse");
        assertThat(registry.adapter("no-such-type")).isEmpty();
    }

    @Test
    void describesWhatEachTypeTakes() {
        assertThat(registry.specs().get("simplify").requiredKeys()).containsExactly("url");
        assertThat(registry.specs().get("simplify").curated()).isTrue();
        assertThat(registry.specs().get("greenhouse").requiredKeys()).containsExactly("board");
        assertThat(registry.specs().get("greenhouse").curated()).isFalse();
        assertThat(registry.specs().get("lever").requiredKeys()).containsExactly("site");
        assertThat(registry.specs().get("lever").optionalKeys()).containsExactly("region");
    }

    @Test
    void knowsTheApplicantTrackingSystems() {
        assertThat(registry.specs()).containsKeys("ashby", "smartrecruiters", "workday", "recruitee", "workable");
        assertThat(registry.specs().get("ashby").requiredKeys()).containsExactly("board");
        assertThat(registry.specs().get("smartrecruiters").requiredKeys()).containsExactly("companyId");
        assertThat(registry.specs().get("workday").requiredKeys()).containsExactly("url");
        assertThat(registry.specs().get("workday").optionalKeys()).containsExactlyInAnyOrder("searchText", "details");
        assertThat(registry.specs().get("recruitee").requiredKeys()).containsExactly("subdomain");
        assertThat(registry.specs().get("workable").requiredKeys()).containsExactly("account");
    }

    @Test
    void knowsTheCareerSitesOfLargeEmployers() {
        assertThat(registry.specs().get("tiktok").requiredKeys()).isEmpty();
        assertThat(registry.specs().get("tiktok").optionalKeys()).containsExactly("keyword");
        assertThat(registry.specs().get("amazon").requiredKeys()).isEmpty();
        assertThat(registry.specs().get("amazon").optionalKeys()).containsExactlyInAnyOrder("keyword", "country");
        assertThat(registry.specs().get("json").optionalKeys()).contains("headers", "body", "paging");
    }

    @Test
    void rejectsTwoAdaptersForOneType() {
        assertThatThrownBy(() -> new SourceRegistry(List.of(new LeverAdapter(), new LeverAdapter())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lever");
    }
}

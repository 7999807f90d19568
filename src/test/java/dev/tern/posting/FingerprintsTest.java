package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FingerprintsTest {

    private static final Location SEATTLE = new Location("Seattle, WA", "Seattle", "WA", "US", false);

    @Test
    void usesTheCanonicalUrlWhenThereIsOne() {
        String direct = Fingerprints.of("https://job-boards.greenhouse.io/acme/jobs/1", "Acme", "Intern", SEATTLE);
        String viaAggregator = Fingerprints.of(
                "https://boards.greenhouse.io/acme/jobs/1?utm_source=Simplify&ref=Simplify",
                "ACME Inc",
                "SWE Intern",
                null);

        assertThat(direct)
                .isEqualTo("url:https://job-boards.greenhouse.io/acme/jobs/1")
                .isEqualTo(viaAggregator);
    }

    @Test
    void fallsBackToCompanyTitleAndFirstLocation() {
        String fingerprint = Fingerprints.of("", "  Acme\u00a0Corp ", "Software  Intern", SEATTLE);

        assertThat(fingerprint).isEqualTo("ctl:acme corp|software intern|seattle, wa, us");
        assertThat(Fingerprints.of(null, "acme corp", "SOFTWARE INTERN", SEATTLE))
                .isEqualTo(fingerprint);
        assertThat(Fingerprints.of(null, "Acme Corp", "Software Intern", null))
                .isEqualTo("ctl:acme corp|software intern|");
    }

    @Test
    void differentJobsGetDifferentFingerprints() {
        assertThat(Fingerprints.of(null, "Acme", "Software Intern", SEATTLE))
                .isNotEqualTo(Fingerprints.of(null, "Acme", "Hardware Intern", SEATTLE));
    }

    @Test
    void longFingerprintsAreHashedToFitTheColumn() {
        String longTitle = "Intern ".repeat(60);

        String fingerprint = Fingerprints.of(null, "Acme", longTitle, SEATTLE);

        assertThat(fingerprint).startsWith("sha256:").hasSize("sha256:".length() + 32);
        assertThat(Fingerprints.of(null, "Acme", longTitle, SEATTLE)).isEqualTo(fingerprint);
        assertThat(Fingerprints.of(null, "Acme", longTitle + "2", SEATTLE)).isNotEqualTo(fingerprint);
    }
}

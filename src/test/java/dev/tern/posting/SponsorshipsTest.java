package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.Sponsorship;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SponsorshipsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Offers Sponsorship | OFFERED",
                "Does Not Offer Sponsorship | NONE",
                "U.S. Citizenship is Required | CITIZENS",
                "Other | UNKNOWN",
                "'' | UNKNOWN"
            })
    void readsSimplifysField(String field, Sponsorship expected) {
        assertThat(Sponsorships.read(field, "Software Engineer Intern", null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Software Intern (No Visa Sponsorship) | NONE",
                "We are unable to sponsor visas for this role. | NONE",
                "We cannot sponsor work visas now or in the future. | NONE",
                "The company will not sponsor an H-1B. | NONE",
                "Visa sponsorship is not available for this position. | NONE",
                "Candidates must be authorized to work without sponsorship. | NONE",
                "U.S. citizenship required. | CITIZENS",
                "US Citizenship is required for this role | CITIZENS",
                "Applicants must be a U.S. citizen. | CITIZENS",
                "Security clearance required. | CITIZENS",
                "This role requires an active security clearance. | CITIZENS",
                "Must be able to obtain a security clearance. | CITIZENS",
                "Visa sponsorship is available. | OFFERED",
                "We offer visa sponsorship for interns. | OFFERED",
                "We sponsor visas for our interns. | OFFERED",
                "Great snacks and a sponsored gym. | UNKNOWN",
                "No relocation assistance. | UNKNOWN"
            })
    void readsClearPhrasesInTheDescription(String description, Sponsorship expected) {
        assertThat(Sponsorships.read(null, "Software Engineer Intern", description))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Software Engineer Intern - U.S. Citizenship Required | CITIZENS",
                "Data Intern (no visa sponsorship) | NONE",
                "Hardware Intern - Security Clearance Required | CITIZENS"
            })
    void readsThemInTheTitleToo(String title, Sponsorship expected) {
        assertThat(Sponsorships.read(null, title, null)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void citizenshipOutranksNoSponsorshipAndTheSourceOutranksTheText() {
        assertThat(Sponsorships.read(null, "Intern", "No visa sponsorship. U.S. citizenship required."))
                .isEqualTo(Sponsorship.CITIZENS);
        assertThat(Sponsorships.read("Offers Sponsorship", "Intern", "We are unable to sponsor visas."))
                .isEqualTo(Sponsorship.OFFERED);
        assertThat(Sponsorships.read("Other", "Intern", "We are unable to sponsor visas."))
                .isEqualTo(Sponsorship.NONE);
        assertThat(Sponsorships.read(null, "Intern - No Sponsorship", "Visa sponsorship is available."))
                .as("the title outranks the description")
                .isEqualTo(Sponsorship.NONE);
    }
}

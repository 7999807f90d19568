package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class InternshipsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Software Engineering Intern",
                "Internship - Data Science",
                "Summer Interns 2026",
                "Co-op Student, Hardware",
                "Coop - Firmware",
                "Industrial Placement - Finance",
                "Software Apprentice",
                "Engineering Apprenticeship",
                "Investment Banking Summer Analyst",
                "Summer Associate, Strategy",
                "Working Student Backend (m/f/d)",
                "University Student Program",
                "Intern/Co-op, Embedded",
            })
    void recognisesInternshipTitles(String title) {
        assertThat(Internships.isInternship(title, null)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "Internal Tools Engineer",
                "International Tax Manager",
                "Internet Infrastructure Engineer",
                "Senior Software Engineer",
                "Summer Camp Counselor",
                "Cooperative Lead",
                "",
            })
    void rejectsLookalikes(String title) {
        assertThat(Internships.isInternship(title, null)).isFalse();
    }

    @Test
    void employmentTypeCounts() {
        assertThat(Internships.isInternship("Software Engineer", "Intern")).isTrue();
        assertThat(Internships.isInternship("Software Engineer", "INTERN")).isTrue();
        assertThat(Internships.isInternship("Software Engineer", "internship")).isTrue();
        assertThat(Internships.isInternship("Software Engineer", "Full-time")).isFalse();
        assertThat(Internships.isInternship(null, null)).isFalse();
    }
}

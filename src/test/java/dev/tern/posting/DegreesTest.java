package dev.tern.posting;

import static dev.tern.config.Degree.BACHELOR;
import static dev.tern.config.Degree.MASTER;
import static dev.tern.config.Degree.PHD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.Degree;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class DegreesTest {

    private static Set<Degree> title(String title) {
        return Degrees.read(List.of(), title, null);
    }

    @Test
    void readsTheTikTokStyleTitle() {
        assertThat(title("Machine Learning Engineer Intern (TikTok Shop Global E-Commerce, Search) - 2026 Start"
                        + " (BS/MS)"))
                .containsExactly(BACHELOR, MASTER);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Software Engineer Intern (BS/MS) | BACHELOR MASTER",
                "Research Intern - BS/MS/PhD | BACHELOR MASTER PHD",
                "Research Scientist Intern (MS/PhD) | MASTER PHD",
                "Software Engineer Intern (PhD) | PHD",
                "Undergraduate Software Intern | BACHELOR",
                "Master's Intern, Data Science | MASTER",
                "Masters Internship - Analytics | MASTER",
                "PhD Research Intern | PHD",
                "Ph.D. Intern, Compilers | PHD",
                "Doctoral Intern - Chemistry | PHD",
                "Bachelor's Intern - Finance | BACHELOR",
                "MBA Summer Associate | MASTER",
                "Quantitative Systems Pharmacology Modeling Intern, PhD Students | PHD"
            })
    void readsTitles(String title, String expected) {
        assertThat(title(title)).containsExactlyElementsOf(degrees(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Software Engineer Intern",
                "Intern - Microsoft Office (MS Office) support",
                "Scrum Master Intern",
                "Operations Intern - Boston (MA)",
                "Data Intern - Jackson, MS"
            })
    void readsNoDegreeWhereNoneIsNamed(String title) {
        assertThat(title(title)).isEmpty();
    }

    @Test
    void readsSimplifysDegreesWhenTheTitleNamesNone() {
        assertThat(Degrees.read(List.of("Bachelor's", "Master's"), "Software Intern", null))
                .containsExactly(BACHELOR, MASTER);
        assertThat(Degrees.read(List.of("PhD"), "Software Intern", null)).containsExactly(PHD);
        assertThat(Degrees.read(List.of("Bachelor's"), "Research Intern (PhD)", null))
                .as("the title is the posting's own word")
                .containsExactly(PHD);
    }

    @Test
    void readsTheDescriptionLast() {
        String description = "Currently pursuing a Bachelor's or Master's degree in Computer Science.";

        assertThat(Degrees.read(List.of(), "Software Intern", description)).containsExactly(BACHELOR, MASTER);
        assertThat(Degrees.read(List.of(), "Software Intern", "Pursuing an MS degree or a Ph.D."))
                .containsExactly(MASTER, PHD);
        assertThat(Degrees.read(List.of("PhD"), "Software Intern", description)).containsExactly(PHD);
        assertThat(Degrees.read(List.of(), "Software Intern", "Great team, free lunch."))
                .isEmpty();
    }

    private static List<Degree> degrees(String names) {
        return List.of(names.split(" ")).stream().map(Degree::valueOf).toList();
    }
}

package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TermsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "Software Engineer Intern - Summer 2026 | Summer      | 2026",
                "2026 Summer Internship                 | Summer      | 2026",
                "SWE Intern - 2026 Start                | -           | 2026",
                "Quant Trading Intern (Fall '25)        | Fall        | 2025",
                "Summer/Fall 2026 Co-op                 | Summer/Fall | 2026",
                "Winter 2027 Engineering Intern         | Winter      | 2027",
                "Spring 2026 Intern                     | Spring      | 2026",
                "Autumn 2026 Placement                  | Fall        | 2026",
                "Co-op (January 2026)                   | Winter      | 2026",
                "Intern, Sept 2026 start                | Fall        | 2026",
                "2026 Software Engineer Intern          | -           | 2026",
                "Summer Intern                          | Summer      | -",
                "Intern - Summer 2026-2027              | Summer      | 2026",
                "Fall 2025 / Spring 2026 Co-op          | Fall        | 2025",
            })
    void readsTheTermFromTheTitle(String title, String season, Integer year) {
        assertThat(Terms.parse(List.of(), title)).isEqualTo(new Term(season, year));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Software Engineer Intern",
        "Engineer II 1234",
        "Team 42 Intern",
        "Data Analyst Job ID 2024",
        "Req #2026 Engineer Intern",
        "Spring Boot Developer Intern",
        "Intern 1999",
    })
    void unknownStaysUnknown(String title) {
        assertThat(Terms.parse(List.of(), title)).isNull();
    }

    @Test
    void termsWinOverTheTitle() {
        assertThat(Terms.parse(List.of("Summer 2026"), "Fall 2025 Intern")).isEqualTo(new Term("Summer", 2026));
    }

    @Test
    void theEarliestOfSeveralTermsWins() {
        assertThat(Terms.parse(List.of("Fall 2027", "Winter 2027", "Summer 2027"), ""))
                .isEqualTo(new Term("Winter", 2027));
        assertThat(Terms.parse(List.of("Spring 2026", "Fall 2025"), "")).isEqualTo(new Term("Fall", 2025));
    }

    @Test
    void aSeasonWithoutYearTakesTheYearFromTheTitle() {
        assertThat(Terms.parse(List.of("Summer"), "2026 Software Intern")).isEqualTo(new Term("Summer", 2026));
        assertThat(Terms.parse(List.of("Summer"), "Software Intern")).isEqualTo(new Term("Summer", null));
    }

    @Test
    void unreadableTermsFallBackToTheTitle() {
        assertThat(Terms.parse(List.of("Flexible", ""), "Intern - Summer 2026")).isEqualTo(new Term("Summer", 2026));
        assertThat(Terms.parse(null, null)).isNull();
    }

    @Test
    void displaysSeasonAndYear() {
        assertThat(Terms.parse(List.of("Summer 2026"), "").display()).isEqualTo("Summer 2026");
    }
}

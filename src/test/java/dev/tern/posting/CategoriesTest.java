package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.Category;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CategoriesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Software | SOFTWARE",
                "Software Engineering | SOFTWARE",
                "Data Science, AI & Machine Learning | DATA_ML",
                "AI/ML/Data | DATA_ML",
                "Quantitative Finance | QUANT",
                "Quant | QUANT",
                "Hardware | HARDWARE",
                "Hardware Engineering | HARDWARE",
                "Product Management | PRODUCT",
                "Product Design | DESIGN",
                "Solutions Consulting | BUSINESS",
                "Marketing | BUSINESS"
            })
    void mapsTheSourcesOwnCategory(String sourceCategory, Category expected) {
        assertThat(Categories.read(List.of(sourceCategory), "Intern")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Machine Learning Engineer Intern | DATA_ML",
                "Machine Learning Engineer Intern (TikTok Shop Global E-Commerce, Search) - 2026 Start (BS/MS) | DATA_ML",
                "Quantitative Trader Intern | QUANT",
                "Quantitative Developer Intern | QUANT",
                "FPGA Design Intern | HARDWARE",
                "Firmware Engineering Intern | HARDWARE",
                "Software Engineer Intern | SOFTWARE",
                "Backend Engineer Intern | SOFTWARE",
                "Data Science Intern | DATA_ML",
                "AI Research Intern | DATA_ML",
                "Product Manager Intern | PRODUCT",
                "UX Design Intern | DESIGN",
                "Product Designer Intern | DESIGN",
                "Investment Banking Summer Analyst | BUSINESS",
                "Finance Intern | BUSINESS",
                "Chemistry Lab Intern | OTHER",
                "Engineering Intern | OTHER"
            })
    void readsTheTitleWhenTheSourceHasNoCategory(String title, Category expected) {
        assertThat(Categories.read(List.of(), title)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Engineering | Machine Learning Intern | DATA_ML",
                "University Recruiting | Quantitative Trader Intern | QUANT",
                "Other | FPGA Design Intern | HARDWARE",
                "Administrative | Software Engineer Intern | SOFTWARE"
            })
    void aDepartmentThatNamesNoKindLeavesItToTheTitle(String department, String title, Category expected) {
        assertThat(Categories.read(List.of(department), title)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theSourcesCategoryOutranksTheTitleAndTheFirstNamingOneWins() {
        assertThat(Categories.read(List.of("Software"), "Quantitative Systems Pharmacology Modeling Intern"))
                .isEqualTo(Category.SOFTWARE);
        assertThat(Categories.read(List.of("Engineering", "Data Platform"), "Intern"))
                .isEqualTo(Category.DATA_ML);
    }
}

package dev.tern.match;

import static dev.tern.match.TestPostings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class QueryTest {

    private static boolean matches(String query, String title) throws QueryException {
        return Query.parse(query).matches(title);
    }

    @Test
    void wordsMustAllAppearInAnyOrder() throws QueryException {
        assertThat(matches("data intern", "Intern, Data Platform")).isTrue();
        assertThat(matches("data intern", "Data Analyst")).isFalse();
        assertThat(matches("data AND intern", "Data Intern")).isTrue();
        assertThat(matches("data AND intern", "Data Analyst")).isFalse();
    }

    @Test
    void quotedPhraseMustAppearWordForWordInOrder() throws QueryException {
        assertThat(matches("\"machine learning\"", "Machine Learning Intern")).isTrue();
        assertThat(matches("\"machine learning\"", "Machine-Learning Intern")).isTrue();
        assertThat(matches("\"machine learning\"", "Learning Machine Intern")).isFalse();
        assertThat(matches("\"machine learning\"", "Machine Vision and Learning"))
                .isFalse();
    }

    @Test
    void orAcceptsEitherSide() throws QueryException {
        assertThat(matches("ml OR ai", "ML Intern")).isTrue();
        assertThat(matches("ml OR ai", "AI Intern")).isTrue();
        assertThat(matches("ml OR ai", "Backend Intern")).isFalse();
    }

    @Test
    void lowerCaseOrIsAnOrdinaryWord() throws QueryException {
        assertThat(matches("ml or ai", "ML Intern")).isFalse();
        assertThat(matches("ml or ai", "ML or AI Intern")).isTrue();
    }

    @Test
    void minusExcludesAWordAPhraseOrAGroup() throws QueryException {
        assertThat(matches("intern -senior", "Senior Intern")).isFalse();
        assertThat(matches("intern -senior", "Intern")).isTrue();
        assertThat(matches("intern -\"hardware design\"", "Hardware Design Intern"))
                .isFalse();
        assertThat(matches("intern -\"hardware design\"", "Design Intern, Hardware"))
                .isTrue();
        assertThat(matches("intern -(phd OR masters)", "PhD Intern")).isFalse();
        assertThat(matches("intern -(phd OR masters)", "Masters Intern")).isFalse();
        assertThat(matches("intern NOT phd", "PhD Intern")).isFalse();
        assertThat(matches("intern -(phd OR masters)", "Undergrad Intern")).isTrue();
    }

    @Test
    void onlyExclusionsAcceptEverythingElse() throws QueryException {
        assertThat(matches("-senior", "Software Intern")).isTrue();
        assertThat(matches("-senior", "Senior Software Intern")).isFalse();
    }

    @Test
    void parenthesesGroup() throws QueryException {
        String query = "(backend OR frontend) (intern OR co-op)";
        assertThat(matches(query, "Backend Co-op")).isTrue();
        assertThat(matches(query, "Frontend Intern")).isTrue();
        assertThat(matches(query, "Backend Engineer")).isFalse();
        assertThat(matches(query, "Data Intern")).isFalse();
    }

    @Test
    void orBindsTighterThanAndSoTheConfigExampleExcludesSeniorForBothSides() throws QueryException {
        String query = "\"machine learning\" OR ml -senior";
        assertThat(matches(query, "Machine Learning Intern")).isTrue();
        assertThat(matches(query, "ML Intern")).isTrue();
        assertThat(matches(query, "Senior Machine Learning Intern")).isFalse();
        assertThat(matches(query, "Senior ML Intern")).isFalse();
        assertThat(matches(query, "Backend Intern")).isFalse();
    }

    @Test
    void ignoresCaseAndAccents() throws QueryException {
        assertThat(matches("INTERN", "software intern")).isTrue();
        assertThat(matches("Montreal", "Intern – Montréal")).isTrue();
        assertThat(matches("\"MACHINE learning\"", "machine LEARNING")).isTrue();
    }

    @Test
    void matchesWholeWordsOnly() throws QueryException {
        assertThat(matches("ml", "HTML Developer Intern")).isFalse();
        assertThat(matches("ml", "ML/AI Intern")).isTrue();
        assertThat(matches("intern", "Internal Tools Engineer")).isFalse();
        assertThat(matches("engineer", "Engineering Intern")).isFalse();
    }

    @Test
    void keepsProgrammingLanguageNamesSearchable() throws QueryException {
        assertThat(matches("c++", "C++ Developer Intern")).isTrue();
        assertThat(matches("c", "C++ Developer Intern")).isFalse();
        assertThat(matches("c#", "C#/.NET Intern")).isTrue();
        assertThat(matches(".net", "C#/.NET Intern")).isTrue();
        assertThat(matches("node js", "Node.js Intern")).isTrue();
    }

    @Test
    void hyphenatedWordIsAPhrase() throws QueryException {
        assertThat(matches("co-op", "Software Co-op (Fall)")).isTrue();
        assertThat(matches("co-op", "Software Co op")).isTrue();
        assertThat(matches("co-op", "Software Coop")).isFalse();
    }

    @Test
    void searchesCategoriesButNoPhraseSpansTitleAndCategory() throws QueryException {
        Query research = Query.parse("research");
        assertThat(research.matches(
                        posting().title("Intern").categories("Research").build()))
                .isTrue();
        assertThat(research.matches(posting().title("Intern").build())).isFalse();
        Query phrase = Query.parse("\"intern research\"");
        assertThat(phrase.matches(
                        posting().title("Intern").categories("Research").build()))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ml intern) data                     | 10 | unexpected ')' at position 10; remove it or add a matching '(' before it
            ml (intern OR data                  | 4  | unclosed '(' at position 4; add a ')' where the group ends
            ml "machine learning                | 4  | unclosed quote '"' at position 4; add a closing '"'
            ml OR                               | 4  | nothing after OR at position 4; add a word after it or remove it
            OR ml                               | 1  | nothing before OR at position 1; add a word before it or remove it
            ml OR OR ai                         | 4  | nothing after OR at position 4
            ml AND                              | 4  | nothing after AND at position 4
            ml () ai                            | 4  | empty group '()' at position 4; put words inside or remove it
            ml "" ai                            | 4  | empty phrase at position 4
            ml - senior                         | 4  | '-' with nothing to exclude at position 4
            ml (-) ai                           | 5  | '-' with nothing to exclude at position 5
            ml NOT                              | 4  | nothing after NOT at position 4
            ml && ai                            | 4  | no letters or digits in '&&' at position 4
            ml (ai OR)                          | 8  | nothing after OR at position 8
            """)
    void malformedQuerySaysWhereAndWhatToDo(String query, int position, String message) {
        assertThatThrownBy(() -> Query.parse(query.strip()))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((QueryException) e).position())
                .isEqualTo(position - 1);
    }

    @Test
    void emptyQueryIsAnErrorButBlankKeywordsAreNoProblem() {
        assertThatThrownBy(() -> Query.parse("  ")).hasMessageContaining("empty");
        assertThat(Query.problem("  ")).isEmpty();
        assertThat(Query.problem(null)).isEmpty();
    }

    @Test
    void queryLongerThanTheLimitIsRejectedNamingTheLimit() throws QueryException {
        String longest = "a".repeat(Query.MAX_LENGTH);
        assertThat(Query.parse(longest).matches(longest)).isTrue();
        assertThatThrownBy(() -> Query.parse(longest + "b"))
                .hasMessage("the keyword query is 201 characters long; the limit is 200, so shorten it");
    }

    @Test
    void problemReportsTheParseErrorForConfigValidation() {
        assertThat(Query.problem("ml OR ai -senior")).isEmpty();
        assertThat(Query.problem("(ml")).contains("unclosed '(' at position 1; add a ')' where the group ends");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            "machine learning" OR ml -senior   | title has "machine learning" or ml, and not senior
            data intern                        | title has data and intern
            ml OR ai                           | title has ml or ai
            -senior                            | title does not have senior
            intern -(phd OR masters)           | title has intern and not (phd or masters)
            (a b) OR c                         | title has (a and b) or c
            co-op                              | title has "co op"
            """)
    void describesTheQueryInWords(String query, String description) throws QueryException {
        assertThat(Query.parse(query).describe()).isEqualTo(description);
    }
}

package dev.tern.posting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class GazetteerTest {

    @Test
    void knowsCountriesByJdkNameAliasAndCode() {
        assertThat(Gazetteer.country("Germany")).isEqualTo("DE");
        assertThat(Gazetteer.country("united states of america")).isEqualTo("US");
        assertThat(Gazetteer.country("U.S.")).isEqualTo("US");
        assertThat(Gazetteer.country("England")).isEqualTo("GB");
        assertThat(Gazetteer.country("Bosnia and Herzegovina")).isEqualTo("BA");
        assertThat(Gazetteer.country("DE")).isEqualTo("DE");
        assertThat(Gazetteer.country("GBR")).isEqualTo("GB");
    }

    @Test
    void codesMustBeCapitalisedSoWordsAreNotCountries() {
        assertThat(Gazetteer.country("and")).isNull(); // AND is Andorra
        assertThat(Gazetteer.country("per")).isNull(); // PER is Peru
        assertThat(Gazetteer.regionByCode("in")).isNull();
        assertThat(Gazetteer.regionByCode("Pa")).isEqualTo(new Gazetteer.Region("PA", "Pennsylvania", "US"));
    }

    @Test
    void knowsStatesProvincesAndCities() {
        assertThat(Gazetteer.regionByName("british columbia").code()).isEqualTo("BC");
        assertThat(Gazetteer.region("QC").country()).isEqualTo("CA");
        assertThat(Gazetteer.city("Bay Area")).isEqualTo(new Gazetteer.City("San Francisco", "CA", "US"));
        assertThat(Gazetteer.city("bangalore")).isEqualTo(new Gazetteer.City("Bengaluru", null, "IN"));
        assertThat(Gazetteer.city("Atlantis")).isNull();
    }

    @Test
    void listsKnownNamesForSuggestions() {
        assertThat(Gazetteer.knownNames()).contains("Seattle", "Ontario", "Germany", "NYC");
    }
}

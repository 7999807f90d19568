package dev.tern.posting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The place names Tern knows: countries (from the JDK's {@link Locale} plus aliases), US states and Canadian
 * provinces, and a table of well-known cities and city aliases. Loaded once from bundled resources.
 */
final class Gazetteer {

    /** A known city: canonical name, region code (or null) and ISO country code. */
    record City(String name, String region, String country) {}

    /** A US state or Canadian province. */
    record Region(String code, String name, String country) {}

    private static final int COLUMNS_REGION = 3;
    private static final int COLUMNS_COUNTRY = 2;
    private static final int COLUMNS_CITY = 4;

    private static final Map<String, City> CITIES = new HashMap<>();
    private static final Map<String, Region> REGION_CODES = new HashMap<>();
    private static final Map<String, Region> REGION_NAMES = new HashMap<>();
    private static final Map<String, String> COUNTRY_NAMES = new HashMap<>();
    private static final Map<String, String> COUNTRY_CODES = new HashMap<>();
    private static final Set<String> KNOWN_NAMES = new LinkedHashSet<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            COUNTRY_NAMES.put(Text.fold(name), code);
            COUNTRY_CODES.put(code, code);
            COUNTRY_CODES.put(locale.getISO3Country(), code);
            KNOWN_NAMES.add(name);
        }
        read("countries.tsv", COLUMNS_COUNTRY, row -> {
            COUNTRY_NAMES.put(Text.fold(row[0]), row[1]);
            KNOWN_NAMES.add(row[0]);
        });
        read("regions.tsv", COLUMNS_REGION, row -> {
            Region region = new Region(row[0], row[1], row[2]);
            REGION_CODES.put(row[0], region);
            REGION_NAMES.put(Text.fold(row[1]), region);
            KNOWN_NAMES.add(row[1]);
        });
        read("cities.tsv", COLUMNS_CITY, row -> {
            CITIES.put(Text.fold(row[0]), new City(row[1], row[2].isEmpty() ? null : row[2], row[3]));
            KNOWN_NAMES.add(row[0]);
        });
    }

    private Gazetteer() {}

    /** The known city or city alias named by the text ("NYC", "Bay Area", "Seattle"), or null. */
    static City city(String text) {
        return CITIES.get(Text.fold(text));
    }

    /** The state or province with that full name ("Ontario", "new york"), or null. */
    static Region regionByName(String text) {
        return REGION_NAMES.get(Text.fold(text));
    }

    /** The state or province with that two-letter code, written with a capital first letter ("WA", "Pa"), or null. */
    static Region regionByCode(String text) {
        String code = text.replace(".", "").strip();
        if (code.length() != 2 || !Character.isUpperCase(code.charAt(0))) {
            return null;
        }
        return REGION_CODES.get(code.toUpperCase(Locale.ROOT));
    }

    /** A state or province by code or name, or null. */
    static Region region(String text) {
        Region byCode = regionByCode(text);
        return byCode != null ? byCode : regionByName(text);
    }

    /** The ISO code of the country with that English name or alias ("Germany", "UK", "U.S."), or null. */
    static String countryByName(String text) {
        return COUNTRY_NAMES.get(Text.fold(text));
    }

    /** The alpha-2 code for an ISO alpha-2 or alpha-3 code written in capitals ("DE", "GBR"), or null. */
    static String countryByCode(String text) {
        String code = text.strip();
        for (int i = 0; i < code.length(); i++) {
            if (!Character.isUpperCase(code.charAt(i))) {
                return null;
            }
        }
        return COUNTRY_CODES.get(code);
    }

    /** A country by name, alias or capitalised code, or null. */
    static String country(String text) {
        String byName = countryByName(text);
        return byName != null ? byName : countryByCode(text);
    }

    /** Every name and alias above, for "did you mean" suggestions. */
    static Set<String> knownNames() {
        return Collections.unmodifiableSet(KNOWN_NAMES);
    }

    private static void read(String resource, int columns, Consumer<String[]> sink) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled place table " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>(reader.lines().toList());
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", -1);
                if (row.length != columns) {
                    throw new IllegalStateException("bad row in " + resource + ": " + line);
                }
                sink.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled place table " + resource, e);
        }
    }
}

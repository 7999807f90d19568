package dev.tern.posting;

/**
 * One place a posting is at, as recognised from free text. Unrecognised parts stay null; {@code raw} always keeps
 * the text it came from.
 *
 * @param raw the text this location was read from ("NYC", "Seattle, WA")
 * @param city the city ("New York"), or null
 * @param region the state or province code or name ("NY", "Ontario"), or null
 * @param country the ISO 3166-1 alpha-2 country code ("US"), or null
 * @param remote true when the text marks remote work ("Remote", "US - Remote")
 */
public record Location(String raw, String city, String region, String country, boolean remote) {

    /** A short human form: "Seattle, WA, US", "Remote (US)". */
    public String display() {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {city, region, country}) {
            if (part != null && !part.isBlank()) {
                if (!out.isEmpty()) {
                    out.append(", ");
                }
                out.append(part);
            }
        }
        if (remote) {
            return out.isEmpty() ? "Remote" : "Remote (" + out + ")";
        }
        return out.isEmpty() ? raw : out.toString();
    }
}

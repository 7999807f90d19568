package dev.tern.posting;

/**
 * When an internship starts: a season and a year. Either may be unknown.
 *
 * @param season "Summer", "Fall", "Winter", "Spring" (or "Summer/Fall"), or null
 * @param year the start year, or null
 */
public record Term(String season, Integer year) {

    /** "Summer 2026", "2026", "Fall"; never empty for a term that has a season or a year. */
    public String display() {
        if (season != null && year != null) {
            return season + " " + year;
        }
        return season != null ? season : String.valueOf(year);
    }
}

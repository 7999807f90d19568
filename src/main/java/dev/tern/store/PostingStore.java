package dev.tern.store;

import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The {@code postings} table: every posting each source listed, open or closed. */
public final class PostingStore {

    private static final String SELECT = "SELECT " + PostingRows.COLUMNS
            + ", p.missed_polls, p.first_seen, p.last_seen, p.closed_at FROM postings p ";
    private static final String CONTENT_SET = "fingerprint = ?, company = ?, title = ?, locations = ?, remote = ?,"
            + " term_season = ?, term_year = ?, url = ?, posted_at = ?, internship = ?, categories = ?,"
            + " sponsorship = ?, degrees = ?, category = ?, description = ?, updated_at = ?";

    /** Every stored posting of a source, open and closed, by key. */
    public Map<String, StoredPosting> postingsOf(Connection c, String sourceId) {
        return byKey(Jdbc.list(
                c, "reading postings of " + sourceId, SELECT + "WHERE p.source_id = ?", PostingStore::read, sourceId));
    }

    /** The open postings of a source, by key. */
    public Map<String, StoredPosting> openPostings(Connection c, String sourceId) {
        String sql = SELECT + "WHERE p.source_id = ? AND p.status = ?";
        return byKey(Jdbc.list(
                c, "reading open postings of " + sourceId, sql, PostingStore::read, sourceId, PostingStatus.OPEN));
    }

    /** The keys of a source's closed postings. */
    public Set<String> closedKeys(Connection c, String sourceId) {
        String sql = "SELECT posting_key FROM postings WHERE source_id = ? AND status = ?";
        return new LinkedHashSet<>(Jdbc.list(
                c,
                "reading closed postings of " + sourceId,
                sql,
                row -> row.getString(1),
                sourceId,
                PostingStatus.CLOSED));
    }

    public Optional<StoredPosting> find(Connection c, String key) {
        return Jdbc.first(c, "reading posting " + key, SELECT + "WHERE p.posting_key = ?", PostingStore::read, key);
    }

    public int countOpen(Connection c, String sourceId) {
        String sql = "SELECT COUNT(*) FROM postings WHERE source_id = ? AND status = ?";
        return Jdbc.count(c, "counting open postings of " + sourceId, sql, sourceId, PostingStatus.OPEN);
    }

    /**
     * Hands every open posting to {@code action}, newest first (by posted time, else first seen), reading them as
     * it goes: searches filter in Java with the match stage's filters, which SQL cannot express.
     */
    public void forEachOpen(Connection c, Consumer<Posting> action) {
        String sql = "SELECT " + PostingRows.COLUMNS + " FROM postings p WHERE p.status = ?"
                + " ORDER BY COALESCE(p.posted_at, p.first_seen) DESC, p.posting_key";
        Jdbc.forEach(c, "reading open postings", sql, PostingRows::read, action, PostingStatus.OPEN);
    }

    /** Company names of open postings containing {@code text} (ignoring case), alphabetical, at most {@code max}. */
    public List<String> openCompanies(Connection c, String text, int max) {
        String sql = "SELECT DISTINCT company FROM postings WHERE status = ? AND LOWER(company) LIKE ? ESCAPE '\\'"
                + " ORDER BY company LIMIT ?";
        String pattern = "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%";
        return Jdbc.list(c, "reading company names", sql, row -> row.getString(1), PostingStatus.OPEN, pattern, max);
    }

    /** Every distinct location of open postings. */
    public Set<Location> openLocations(Connection c) {
        String sql = "SELECT DISTINCT locations FROM postings WHERE status = ?";
        Set<Location> locations = new LinkedHashSet<>();
        Jdbc.forEach(
                c,
                "reading posting locations",
                sql,
                row -> PostingRows.locations(row.getString(1)),
                locations::addAll,
                PostingStatus.OPEN);
        return locations;
    }

    /** How many postings are open, over every source. */
    public int countAllOpen(Connection c) {
        return Jdbc.count(
                c, "counting open postings", "SELECT COUNT(*) FROM postings WHERE status = ?", PostingStatus.OPEN);
    }

    /**
     * The latest appearances and closings over every source, newest first. A posting that was already inactive
     * when first seen is neither.
     */
    public List<PostingActivity> recentActivity(Connection c, int limit) {
        String sql = "SELECT kind, at, source_id, company, title, url FROM ("
                + "SELECT 'NEW' AS kind, first_seen AS at, source_id, company, title, url, posting_key FROM postings"
                + " WHERE closed_at IS NULL OR closed_at <> first_seen"
                + " UNION ALL SELECT 'CLOSED' AS kind, closed_at AS at, source_id, company, title, url, posting_key"
                + " FROM postings WHERE closed_at IS NOT NULL AND closed_at <> first_seen"
                + ") activity ORDER BY at DESC, posting_key LIMIT ?";
        return Jdbc.list(
                c,
                "reading recent posting activity",
                sql,
                row -> new PostingActivity(
                        PostingActivity.Kind.valueOf(row.getString("kind")),
                        Jdbc.instant(row, "at"),
                        row.getString("source_id"),
                        row.getString("company"),
                        row.getString("title"),
                        row.getString("url")),
                limit);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Stores a posting seen for the first time: OPEN when active, else CLOSED as of now. */
    public void insert(Connection c, Posting posting, Instant now) {
        PostingStatus status = posting.active() ? PostingStatus.OPEN : PostingStatus.CLOSED;
        String sql = "INSERT INTO postings (posting_key, source_id, external_id, fingerprint, company, title,"
                + " locations, remote, term_season, term_year, url, posted_at, internship, categories, status,"
                + " first_seen, last_seen, closed_at, missed_polls, updated_at, sponsorship, degrees, category,"
                + " description)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)";
        Jdbc.update(
                c,
                "inserting posting " + posting.key(),
                sql,
                posting.key(),
                posting.sourceId(),
                posting.externalId(),
                posting.fingerprint(),
                posting.company(),
                posting.title(),
                PostingRows.locationsJson(posting),
                posting.remote(),
                season(posting),
                posting.startYear(),
                posting.url(),
                posting.postedAt(),
                posting.internship(),
                PostingRows.categoriesJson(posting),
                status,
                now,
                now,
                status == PostingStatus.CLOSED ? now : null,
                now,
                posting.sponsorship().value(),
                PostingRows.degreesText(posting),
                PostingRows.categoryText(posting),
                posting.description());
    }

    /** Replaces what the posting says (title, locations, ...), leaving its status alone. */
    public void updateContent(Connection c, Posting posting, Instant now) {
        String sql = "UPDATE postings SET " + CONTENT_SET + " WHERE posting_key = ?";
        Jdbc.update(c, "updating posting " + posting.key(), sql, contentThen(posting, now, posting.key()));
    }

    /** Inserts the posting or replaces its content; returns true when it was new. */
    public boolean upsert(Connection c, Posting posting, Instant now) {
        String sql = "UPDATE postings SET " + CONTENT_SET + " WHERE posting_key = ?";
        if (Jdbc.update(c, "updating posting " + posting.key(), sql, contentThen(posting, now, posting.key())) > 0) {
            return false;
        }
        insert(c, posting, now);
        return true;
    }

    /** Records that a poll listed these postings: seen now, no missed polls. */
    public void markSeen(Connection c, Collection<String> keys, Instant now) {
        String sql = "UPDATE postings SET last_seen = ?, missed_polls = 0 WHERE posting_key = ?";
        List<Object[]> rows = keys.stream().map(key -> new Object[] {now, key}).toList();
        Jdbc.batch(c, "marking " + keys.size() + " postings seen", sql, rows);
    }

    /** Records that a successful poll did not list an open posting. */
    public void markMissed(Connection c, String key, int missedPolls, Instant now) {
        String sql = "UPDATE postings SET missed_polls = ?, updated_at = ? WHERE posting_key = ?";
        Jdbc.update(c, "marking posting " + key + " missed", sql, missedPolls, now, key);
    }

    public void markClosed(Connection c, String key, Instant now) {
        String sql = "UPDATE postings SET status = ?, closed_at = ?, updated_at = ? WHERE posting_key = ?";
        Jdbc.update(c, "closing posting " + key, sql, PostingStatus.CLOSED, now, now, key);
    }

    /** Opens a closed posting again with its current content. */
    public void reopen(Connection c, Posting posting, Instant now) {
        String sql = "UPDATE postings SET " + CONTENT_SET
                + ", status = ?, closed_at = NULL, missed_polls = 0, last_seen = ? WHERE posting_key = ?";
        Object[] content = contentThen(posting, now, PostingStatus.OPEN, now, posting.key());
        Jdbc.update(c, "reopening posting " + posting.key(), sql, content);
    }

    private static Object[] contentThen(Posting posting, Instant now, Object... more) {
        Object[] content = {
            posting.fingerprint(),
            posting.company(),
            posting.title(),
            PostingRows.locationsJson(posting),
            posting.remote(),
            season(posting),
            posting.startYear(),
            posting.url(),
            posting.postedAt(),
            posting.internship(),
            PostingRows.categoriesJson(posting),
            posting.sponsorship().value(),
            PostingRows.degreesText(posting),
            PostingRows.categoryText(posting),
            posting.description(),
            now
        };
        Object[] all = new Object[content.length + more.length];
        System.arraycopy(content, 0, all, 0, content.length);
        System.arraycopy(more, 0, all, content.length, more.length);
        return all;
    }

    private static String season(Posting posting) {
        return posting.term() == null ? null : posting.term().season();
    }

    private static StoredPosting read(ResultSet row) throws SQLException {
        return new StoredPosting(
                PostingRows.read(row),
                PostingStatus.valueOf(row.getString("status")),
                row.getInt("missed_polls"),
                Jdbc.instant(row, "first_seen"),
                Jdbc.instant(row, "last_seen"),
                Jdbc.instant(row, "closed_at"));
    }

    private static Map<String, StoredPosting> byKey(List<StoredPosting> postings) {
        Map<String, StoredPosting> byKey = new LinkedHashMap<>();
        postings.forEach(posting -> byKey.put(posting.key(), posting));
        return byKey;
    }
}

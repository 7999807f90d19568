package dev.tern.app;

import dev.tern.config.TernConfig;
import dev.tern.store.DeliveryStore;
import dev.tern.testing.BoardServer;
import dev.tern.testing.MutableClock;
import dev.tern.testing.SimplifyListing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A whole Tern without Discord (file H2, the runtime {@code tern run} uses) polling a local Simplify listing, with
 * the routes a test gives (webhook targets on local fakes). The source {@code list} is seeded at start, so the
 * postings a test adds next are new. Restarts keep the database.
 */
final class TernWithWebhooks implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Instant posted = clock.instant().minus(3, ChronoUnit.HOURS);
    final SimplifyListing listing = new SimplifyListing();
    private final BoardServer board;
    private final Path dir;
    private final String routes;
    private TernRuntime tern;

    /** @param routes the YAML lines of the {@code routes:} list, each starting with "  - " */
    TernWithWebhooks(Path dir, String routes) throws Exception {
        this.dir = dir;
        this.routes = routes;
        board = BoardServer.start();
        listing.add("seed", "Seedling", "Gardening Intern", "Boston, MA", posted);
        board.serve("/listings.json", listing.json());
        tern = start();
        tern.pollNow("list");
    }

    TernRuntime tern() {
        return tern;
    }

    /** Adds (or replaces) postings {@code p<row>} at Acme, open. */
    void add(List<Integer> rows) {
        rows.forEach(i -> listing.add("p" + i, "Acme", "Intern " + i, "Boston, MA", posted));
        board.serve("/listings.json", listing.json());
    }

    /** Adds one posting with the title given. */
    void addTitled(String id, String title) {
        listing.add(id, "Acme", title, "Boston, MA", posted);
        board.serve("/listings.json", listing.json());
    }

    void active(int row, boolean active) {
        listing.active("p" + row, active);
        board.serve("/listings.json", listing.json());
    }

    static String url(int row) {
        return "https://careers.example/acme/p" + row;
    }

    /** Polls and delivers, as the schedule does. */
    void poll() {
        tern.pollNow("list");
    }

    /** Polls without delivering: what a crash right after the poll's commit leaves. */
    void pollWithoutDelivering() {
        tern.services().poller().poll(tern.services().config().sources().getFirst(), false);
    }

    void drain() {
        tern.services().deliver();
    }

    void restart() throws Exception {
        tern.close();
        tern = null;
        tern = start();
    }

    /** How the deliveries of posting {@code p<row>} stand: "STATUS" per target. */
    List<String> deliveryStatuses(int row) {
        return tern.services().database().read(c -> new DeliveryStore().forPosting(c, "list:p" + row)).stream()
                .map(d -> d.status().name())
                .toList();
    }

    /** The admin notices written so far: "subject | message". */
    List<String> notices() {
        return tern.services().database().read(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rows =
                    c.createStatement().executeQuery("SELECT subject, message FROM admin_notices ORDER BY id")) {
                while (rows.next()) {
                    out.add(rows.getString(1) + " | " + rows.getString(2));
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        if (tern != null) {
            tern.close();
        }
        board.close();
    }

    private TernRuntime start() throws Exception {
        String yaml = """
                storage: { url: "jdbc:h2:file:%s" }
                sources:
                  - { id: list, type: simplify, url: "%s/listings.json" }
                routes:
                %s
                """.formatted(dir.resolve("tern"), board.base(), routes);
        TernConfig config = ConfigOption.loader(Map.<String, String>of()::get).parse(yaml, "tern.yml");
        return TernRuntime.start(config, clock, new PrintWriter(new StringWriter(), true));
    }
}

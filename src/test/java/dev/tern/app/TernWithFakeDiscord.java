package dev.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.FilterConfig;
import dev.tern.config.TernConfig;
import dev.tern.discord.fake.FakeDiscord;
import dev.tern.match.SubscribeResult;
import dev.tern.store.Delivery;
import dev.tern.store.DeliveryStore;
import dev.tern.testing.BoardServer;
import dev.tern.testing.MutableClock;
import dev.tern.testing.SimplifyListing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A whole Tern (real JDA, file H2) against the fake Discord and a local Simplify listing, on a clock the test moves
 * and the fake shares: a route {@code everything} to {@link FakeDiscord#ALERTS}, Alice subscribed to "intern" by DM,
 * and a source {@code list} already seeded. Restarts keep the database.
 */
final class TernWithFakeDiscord implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Instant posted = clock.instant().minus(3, ChronoUnit.HOURS);
    final SimplifyListing listing = new SimplifyListing();
    final FakeDiscord discord = FakeDiscord.start(clock);
    private final BoardServer board;
    private final Path dir;
    private TernRuntime tern;

    TernWithFakeDiscord(Path dir) throws Exception {
        this.dir = dir;
        board = BoardServer.start();
        listing.add("seed", "Seedling", "Gardening Intern", "Boston, MA", posted);
        board.serve("/listings.json", listing.json());
        tern = start(10);
        tern.pollNow("list");
        FilterConfig filter = new FilterConfig(
                "intern", List.of(), List.of(), List.of(), List.of(), FilterConfig.RemoteMode.ANY, true);
        assertThat(tern.services()
                        .subscriptions()
                        .subscribe(FakeDiscord.ALICE, FakeDiscord.GUILD_ID, FakeDiscord.GENERAL, false, filter))
                .isInstanceOf(SubscribeResult.Created.class);
    }

    TernRuntime tern() {
        return tern;
    }

    /** Adds (or replaces) postings {@code p<row>} at Acme, open. */
    void add(List<Integer> rows) {
        rows.forEach(i -> listing.add("p" + i, "Acme", "Intern " + i, "Boston, MA", posted));
        board.serve("/listings.json", listing.json());
    }

    /** The source says posting {@code p<row>} is closed (or open again). */
    void active(int row, boolean active) {
        listing.active("p" + row, active);
        board.serve("/listings.json", listing.json());
    }

    /** The source stops listing posting {@code p<row>}. */
    void remove(int row) {
        listing.remove("p" + row);
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

    void restart(int digest) throws Exception {
        tern.close();
        tern = null;
        tern = start(digest);
    }

    /** The alert of posting {@code p<row>} to the route's channel. */
    Delivery channelDelivery(int row) {
        return tern.services().database().read(c -> new DeliveryStore().forPosting(c, "list:p" + row)).stream()
                .filter(d -> d.target().startsWith("discord:channel/"))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        if (tern != null) {
            tern.close();
        }
        board.close();
        discord.close();
    }

    private TernRuntime start(int digest) throws Exception {
        String yaml = config(dir, "list", board.base(), "", discord, "digest: " + digest);
        TernConfig config = ConfigOption.loader(Map.<String, String>of()::get).parse(yaml, "tern.yml");
        return TernRuntime.start(config, clock, new PrintWriter(new StringWriter(), true));
    }

    /**
     * A tern.yml with a file database in {@code dir}, one Simplify source at {@code boardBase}, the route
     * {@code everything} to {@link FakeDiscord#ALERTS}, and the fake Discord.
     *
     * @param sourceOptions more keys of the source, each starting with ", " (e.g. {@code ", backfill: true"})
     * @param discordOption one more line under {@code discord:} (e.g. {@code "digest: 3"}), or ""
     */
    static String config(
            Path dir,
            String sourceId,
            String boardBase,
            String sourceOptions,
            FakeDiscord discord,
            String discordOption) {
        return """
                storage: { url: "jdbc:h2:file:%s" }
                sources:
                  - { id: %s, type: simplify, url: "%s/listings.json"%s }
                routes:
                  - { id: everything, to: "discord:channel/%s" }
                discord:
                  token: "%s"
                  guilds: ["%s"]
                  restBaseUrl: "%s"
                  gatewayUrl: "%s"
                  %s
                """.formatted(
                        dir.resolve("tern"),
                        sourceId,
                        boardBase,
                        sourceOptions,
                        FakeDiscord.ALERTS,
                        FakeDiscord.TOKEN,
                        FakeDiscord.GUILD_ID,
                        discord.restBaseUrl(),
                        discord.gatewayUrl(),
                        discordOption);
    }
}

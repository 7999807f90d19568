package dev.tern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

final class StatusPageTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void everythingFromASourceIsTextAndOnlyHttpLinksAreLinks() {
        StatusSummary summary = new StatusSummary(
                NOW,
                List.of(new StatusSummary.Source(
                        "list",
                        "simplify",
                        StatusSummary.Health.FAILING,
                        null,
                        null,
                        0,
                        2,
                        "</td><script>alert(1)</script>",
                        null)),
                new StatusSummary.Outbox(0, null, 0),
                List.of(),
                List.of(),
                new StatusSummary.Subscriptions(0, 0, 0, 0),
                List.of(
                        new StatusSummary.Event(
                                "new",
                                NOW,
                                "list",
                                "<b>Bold</b> & Co",
                                "<img src=x onerror=alert(1)>",
                                "javascript:alert(1)"),
                        new StatusSummary.Event(
                                "closed",
                                NOW,
                                "list",
                                "Acme",
                                "Intern \"quoted\"",
                                "https://a.example/jobs?id=1&ref='x'")));

        Document page = Jsoup.parse(StatusPage.render(summary));

        assertThat(page.select("script, img")).isEmpty();
        assertThat(page.select("b").eachText()).doesNotContain("Bold");
        assertThat(page.text())
                .contains("</td><script>alert(1)</script>")
                .contains("<b>Bold</b> & Co")
                .contains("<img src=x onerror=alert(1)>");
        assertThat(page.select("a[href]").eachAttr("href")).containsExactly("https://a.example/jobs?id=1&ref='x'");
    }

    @Test
    void aSummaryWithTroubleSaysSo() {
        StatusSummary ok = new StatusSummary(
                NOW,
                List.of(new StatusSummary.Source(
                        "list", "simplify", StatusSummary.Health.OK, NOW, NOW.plusSeconds(600), 3, 0, null, null)),
                new StatusSummary.Outbox(1, NOW.minusSeconds(120), 0),
                List.of(new StatusSummary.Route("all", "console", "ok")),
                List.of(),
                new StatusSummary.Subscriptions(2, 1, 0, 2),
                List.of());
        StatusSummary held = new StatusSummary(
                NOW,
                List.of(new StatusSummary.Source(
                        "list", "simplify", StatusSummary.Health.HELD, NOW, null, 3, 0, null, "closing 9 of 10")),
                ok.outbox(),
                ok.routes(),
                ok.brokenTargets(),
                ok.subscriptions(),
                ok.recent());

        assertThat(Jsoup.parse(StatusPage.render(ok)).text())
                .contains("All is well", "1 pending (oldest queued 2 min ago)", "in 10 min", "2 active, 1 paused");
        assertThat(Jsoup.parse(StatusPage.render(held)).text())
                .contains("Needs attention", "Closures held: closing 9 of 10");
    }
}

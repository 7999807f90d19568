package dev.tern.web;

import static dev.tern.web.Html.escape;

import java.time.Instant;

/**
 * The status page: server-rendered HTML with a little CSS and no script, readable on a phone. Everything that came
 * from a source or a service (titles, companies, links, errors) passes through {@link Html}.
 */
final class StatusPage {

    static final String TITLE = "Tern status";

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:.75rem;color:#1d232a;\
            background:#f7f8fa}h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}\
            .muted{color:#5c6670}.ok{color:#1e7a3c}.bad{color:#b3261e}.warn{color:#9a5b00}\
            table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.35rem .5rem;\
            border-bottom:1px solid #e3e6ea;vertical-align:top}th{font-size:.8rem;color:#5c6670}\
            td.why{font-size:.85rem;color:#5c6670;overflow-wrap:anywhere}\
            ol{list-style:none;padding:0;margin:0;background:#fff}li{padding:.35rem .5rem;\
            border-bottom:1px solid #e3e6ea;overflow-wrap:anywhere}.kind{display:inline-block;min-width:3.5rem;\
            font-size:.8rem;font-weight:600}.new{color:#1e7a3c}.closed{color:#5c6670}\
            @media (max-width:40rem){thead{display:none}table,tbody,tr,td{display:block}tr{padding:.4rem 0;\
            border-bottom:1px solid #e3e6ea}td{border:0;padding:.1rem .5rem}td[data-label]::before{\
            content:attr(data-label) ": ";color:#5c6670;font-size:.8rem}}""";

    private StatusPage() {}

    static String render(StatusSummary s) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(TITLE)
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n");
        header(html, s);
        sources(html, s);
        delivery(html, s);
        events(html, s);
        return html.append("</body></html>\n").toString();
    }

    private static void header(StringBuilder html, StatusSummary s) {
        long trouble = s.sources().stream()
                .filter(src -> src.health() != StatusSummary.Health.OK)
                .count();
        html.append("<header><h1>Tern</h1><p class=\"")
                .append(s.healthy() ? "ok\">All is well" : "bad\">Needs attention")
                .append("</p><p class=\"muted\">")
                .append(s.sources().size())
                .append(" source(s), ")
                .append(trouble)
                .append(" not ok · as of ")
                .append(Times.utc(s.at()))
                .append("</p></header>\n");
    }

    private static void sources(StringBuilder html, StatusSummary s) {
        html.append("<section><h2>Sources</h2><table><thead><tr><th>Source</th><th>Type</th><th>Health</th>")
                .append("<th>Last success</th><th>Next poll</th><th>Open</th><th>Failures</th></tr></thead><tbody>");
        for (StatusSummary.Source src : s.sources()) {
            html.append("<tr><td><b>")
                    .append(escape(src.id()))
                    .append("</b></td>")
                    .append(cell("Type", escape(src.type())))
                    .append(cell("Health", health(src.health())))
                    .append(cell("Last success", when(src.lastSuccess(), s.at())))
                    .append(cell("Next poll", when(src.nextPoll(), s.at())))
                    .append(cell("Open", String.valueOf(src.openPostings())))
                    .append(cell("Failures", String.valueOf(src.consecutiveFailures())))
                    .append("</tr>");
            if (src.lastError() != null) {
                html.append(why("Failing", src.lastError()));
            }
            if (src.heldReason() != null) {
                html.append(why("Closures held", src.heldReason()));
            }
        }
        html.append("</tbody></table></section>\n");
    }

    private static void delivery(StringBuilder html, StatusSummary s) {
        StatusSummary.Outbox o = s.outbox();
        html.append("<section><h2>Outbox</h2><p>").append(o.pending()).append(" pending");
        if (o.oldestPending() != null) {
            html.append(" (oldest queued ")
                    .append(Times.relative(o.oldestPending(), s.at()))
                    .append(')');
        }
        html.append(", <span class=\"")
                .append(o.failed() == 0 ? "ok" : "bad")
                .append("\">")
                .append(o.failed())
                .append(" failed</span></p></section>\n<section><h2>Routes</h2><table><tbody>");
        for (StatusSummary.Route route : s.routes()) {
            html.append("<tr><td><b>")
                    .append(escape(route.id()))
                    .append("</b></td>")
                    .append(cell("To", escape(route.target())))
                    .append(cell(
                            "Health",
                            "<span class=\"" + (route.health().equals("ok") ? "ok" : "bad") + "\">"
                                    + escape(route.health()) + "</span>"))
                    .append("</tr>");
        }
        html.append("</tbody></table>");
        for (StatusSummary.BrokenTarget broken : s.brokenTargets()) {
            html.append("<p class=\"bad\">Broken since ")
                    .append(Times.utc(broken.since()))
                    .append(": ")
                    .append(escape(broken.target()))
                    .append(" (")
                    .append(escape(broken.reason()))
                    .append(")</p>");
        }
        StatusSummary.Subscriptions subs = s.subscriptions();
        html.append("</section>\n<section><h2>Subscriptions</h2><p>")
                .append(subs.active())
                .append(" active, ")
                .append(subs.paused())
                .append(" paused, ")
                .append(subs.broken())
                .append(" broken, from ")
                .append(subs.subscribers())
                .append(" subscriber(s)</p></section>\n");
    }

    private static void events(StringBuilder html, StatusSummary s) {
        html.append("<section><h2>Recent postings</h2>");
        if (s.recent().isEmpty()) {
            html.append("<p class=\"muted\">No posting seen yet.</p>");
        } else {
            html.append("<ol>");
            for (StatusSummary.Event e : s.recent()) {
                String title = escape(e.title());
                html.append("<li><span class=\"kind ")
                        .append(escape(e.kind()))
                        .append("\">")
                        .append(escape(e.kind()))
                        .append("</span> <b>")
                        .append(escape(e.company()))
                        .append("</b> · ")
                        .append(Html.safeHref(e.url())
                                .map(href -> "<a href=\"" + href + "\" rel=\"noopener noreferrer\">" + title + "</a>")
                                .orElse(title))
                        .append(" <span class=\"muted\">")
                        .append(escape(e.source()))
                        .append(", ")
                        .append(Times.relative(e.at(), s.at()))
                        .append("</span></li>");
            }
            html.append("</ol>");
        }
        html.append("</section>\n");
    }

    private static String cell(String label, String content) {
        return "<td data-label=\"" + label + "\">" + content + "</td>";
    }

    private static String why(String label, String text) {
        return "<tr><td class=\"why\" colspan=\"7\">" + label + ": " + escape(text) + "</td></tr>";
    }

    private static String health(StatusSummary.Health health) {
        String css =
                switch (health) {
                    case OK -> "ok";
                    case FAILING -> "bad";
                    case HELD, NEVER_POLLED -> "warn";
                };
        return "<span class=\"" + css + "\">" + health.label() + "</span>";
    }

    private static String when(Instant at, Instant now) {
        return at == null ? "<span class=\"muted\">-</span>" : Times.relative(at, now);
    }
}

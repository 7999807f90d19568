package dev.tern.source.workday;

import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.Http;
import dev.tern.source.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the detail of the postings whose search entry only said "N Locations", a few at a time. A detail that
 * fails leaves its posting as the search gave it (logged): the posting itself is still listed.
 */
final class WorkdayDetails {

    static final int CONCURRENCY = 4;
    static final int MAX_DETAILS = 200;
    private static final Logger log = LoggerFactory.getLogger(WorkdayDetails.class);

    private final Http http;
    private final WorkdaySite site;
    private final String apiBase;

    WorkdayDetails(Http http, WorkdaySite site, String apiBase) {
        this.http = http;
        this.site = site;
        this.apiBase = apiBase;
    }

    /** The postings in order, those with ambiguous locations completed from their detail. */
    List<RawPosting> complete(List<WorkdayParser.Listed> listed) throws InterruptedException {
        List<Callable<RawPosting>> tasks = new ArrayList<>(listed.size());
        int details = 0;
        for (WorkdayParser.Listed entry : listed) {
            boolean fetch = entry.locationsAmbiguous() && details < MAX_DETAILS;
            details += fetch ? 1 : 0;
            tasks.add(fetch ? () -> detail(entry) : entry::posting);
        }
        if (details == MAX_DETAILS) {
            log.warn(
                    "Workday site {}: read the detail of the first {} postings with several locations only",
                    site.site(),
                    MAX_DETAILS);
        }
        ExecutorService executor = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<RawPosting> out = new ArrayList<>(listed.size());
            for (Future<RawPosting> future : executor.invokeAll(tasks)) {
                out.add(result(future));
            }
            return out;
        } finally {
            executor.shutdownNow();
        }
    }

    private RawPosting detail(WorkdayParser.Listed entry) throws InterruptedException {
        URI uri;
        try {
            uri = site.detailUri(apiBase, entry.externalPath());
        } catch (IllegalArgumentException e) {
            log.warn(
                    "Workday posting {} has an externalPath that is no URL path; keeping it without its locations",
                    entry.posting().externalId());
            return entry.posting();
        }
        try {
            byte[] body = http.get(uri, CacheTags.NONE).body();
            return WorkdayParser.withDetail(body, Urls.redact(uri), entry.posting());
        } catch (FetchException e) {
            log.warn(
                    "Workday detail of {} not read, keeping the posting without its locations: {}",
                    entry.posting().externalId(),
                    e.getMessage());
            return entry.posting();
        }
    }

    private static RawPosting result(Future<RawPosting> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("reading a Workday detail failed unexpectedly", e.getCause());
        }
    }
}

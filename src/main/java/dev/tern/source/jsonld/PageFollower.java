package dev.tern.source.jsonld;

import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.Http;
import dev.tern.source.HttpStatusException;
import dev.tern.source.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the posting pages a listing links to, a few at a time, and reads their JSON-LD. A page that is gone (404,
 * 410) is skipped, since the posting was just removed; any other failure fails the whole poll so that nothing closes
 * because of it. ({@link Http} still puts requests to one host one at a time with its politeness gap.)
 */
final class PageFollower {

    private static final Logger log = LoggerFactory.getLogger(PageFollower.class);
    private static final int NOT_FOUND = 404;
    private static final int GONE = 410;

    private final int concurrency;

    PageFollower(int concurrency) {
        this.concurrency = concurrency;
    }

    /** The postings of every page, in the order of {@code pages}. */
    List<RawPosting> fetchAll(List<URI> pages, Http http) throws FetchException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, pages.size())));
        try {
            List<Future<List<RawPosting>>> futures = new ArrayList<>(pages.size());
            for (URI page : pages) {
                futures.add(pool.submit(() -> fetchOne(page, http)));
            }
            List<RawPosting> postings = new ArrayList<>();
            for (Future<List<RawPosting>> future : futures) {
                postings.addAll(result(future));
            }
            return postings;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<RawPosting> fetchOne(URI page, Http http) throws FetchException, InterruptedException {
        String url = Urls.redact(page);
        Http.Response response;
        try {
            response = http.get(page, CacheTags.NONE);
        } catch (HttpStatusException e) {
            if (e.status() == NOT_FOUND || e.status() == GONE) {
                log.debug("skipping {}: HTTP {} (the posting was probably just removed)", url, e.status());
                return List.of();
            }
            throw e;
        }
        List<RawPosting> postings =
                JsonLdParser.parse(response.body(), response.uri().toString());
        if (postings.isEmpty()) {
            log.debug("no JobPosting in the JSON-LD of {}", url);
        }
        return postings;
    }

    private static List<RawPosting> result(Future<List<RawPosting>> future)
            throws FetchException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FetchException fetch) {
                throw fetch;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new FetchException("following a posting page failed: " + e.getCause(), e.getCause());
        }
    }
}

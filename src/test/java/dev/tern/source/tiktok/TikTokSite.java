package dev.tern.source.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.source.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A TikTok-like career-site search on a {@link TestServer}: answers POSTs of {@code {keyword, limit, offset}} with
 * the slice from {@code offset}, never more than {@code perPage} items (the real site may serve fewer than asked),
 * and refuses with {@code code: 1} a request without {@code website-path: tiktok}.
 */
public final class TikTokSite {

    public static final String PATH = "/api/v1/public/supplier/search/job/posts";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] CITIES = {
        "{\"en_name\":\"Singapore\"}",
        "{\"en_name\":\"London\",\"parent\":{\"en_name\":\"United Kingdom\"}}",
        "{\"en_name\":\"San Jose\",\"parent\":{\"en_name\":\"California\",\"parent\":"
                + "{\"en_name\":\"United States of America\"}}}",
        "null"
    };

    private final List<JsonNode> jobs;
    private final int perPage;
    private volatile long count;

    private TikTokSite(List<JsonNode> jobs, int perPage) {
        this.jobs = List.copyOf(jobs);
        this.perPage = perPage;
        this.count = jobs.size();
    }

    /** {@code total} generated postings with 19-digit ids and city_info chains of every depth. */
    public static TikTokSite generated(int total, int perPage) {
        List<JsonNode> jobs = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            jobs.add(read("{\"id\":\"74%017d\",\"title\":\"Software Engineer Intern %d - 2026 Start\",\"description\":"
                            .formatted(i, i)
                    + "\"Build things.\",\"city_info\":" + CITIES[i % CITIES.length] + "}"));
        }
        return new TikTokSite(jobs, perPage);
    }

    /** The postings of the project's fixture {@code tiktok/search-page.json}. */
    public static TikTokSite fixture() {
        JsonNode page = read(new String(TestServer.fixture("tiktok/search-page.json")));
        List<JsonNode> jobs = new ArrayList<>();
        page.at("/data/job_post_list").forEach(jobs::add);
        return new TikTokSite(jobs, jobs.size());
    }

    /** States a different {@code count} than the postings it has (a site whose listing ends early). */
    public TikTokSite claiming(long claimed) {
        this.count = claimed;
        return this;
    }

    /** Serves the search on {@code server}. */
    public TestServer install(TestServer server) {
        return server.handle(PATH, exchange -> {
            String answer = "tiktok".equals(exchange.getRequestHeaders().getFirst("website-path"))
                    ? page(read(new String(server.requests().getLast().body())))
                    : "{\"code\":1,\"message\":\"website-path is required\",\"data\":null}";
            TestServer.respond(exchange, 200, answer, "Content-Type", "application/json");
        });
    }

    private String page(JsonNode request) {
        int offset = request.path("offset").asInt();
        int limit = Math.min(request.path("limit").asInt(), perPage);
        ObjectNode answer = MAPPER.createObjectNode().put("code", 0).put("message", "ok");
        ObjectNode data = answer.putObject("data").put("count", count);
        ArrayNode list = data.putArray("job_post_list");
        jobs.subList(Math.min(offset, jobs.size()), Math.min(offset + limit, jobs.size()))
                .forEach(list::add);
        return answer.toString();
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.tern.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.config.FilterConfig;
import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.match.Filter;
import dev.tern.match.Matcher;
import dev.tern.match.Subscription;
import dev.tern.match.SubscriptionIndex;
import dev.tern.posting.Normalizer;
import dev.tern.posting.Posting;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.simplify.SimplifyParser;
import dev.tern.store.Database;
import dev.tern.testing.PollPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark of the README: a 15,000-entry Simplify file (about 8 MB, like the real one) parsed, normalised and
 * reconciled against a file database that already holds it. Prints the times; asserts only that the re-poll
 * changed nothing. Run it with {@code bench/run}.
 */
@Tag("benchmark")
final class SimplifyPollBenchmarkTest {

    private static final int ENTRIES = 15_000;
    private static final int ROUNDS = 7;
    private static final String[] PLACES = {
        "New York, NY",
        "San Francisco, CA",
        "Seattle, WA",
        "Austin, TX",
        "Boston, MA",
        "Chicago, IL",
        "Remote in USA",
        "Toronto, ON",
        "London, UK",
        "NYC",
        "Bay Area",
        "Atlanta, GA",
        "Denver, CO",
        "Remote",
        "Pittsburgh, PA"
    };
    private static final String[] ROLES = {
        "Software Engineer Intern", "Machine Learning Intern", "Data Science Intern", "Hardware Engineering Intern",
        "Quantitative Research Intern", "Product Management Intern", "Security Engineer Intern", "SWE Co-op"
    };

    @TempDir
    Path dir;

    @Test
    void parsesAndReconcilesFifteenThousandKnownEntries() throws Exception {
        byte[] file = listing(new SplittableRandom(42));
        Clock clock = Clock.systemUTC();
        SourceConfig source = new SourceConfig(
                "simplify",
                "simplify",
                PollingConfig.DEFAULT_INTERVAL,
                null,
                null,
                null,
                SourceConfig.Classify.INTERNSHIPS,
                false,
                Map.of("url", "http://127.0.0.1/listings.json"));
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("bench"), "", "")) {
            Subscription route = new Subscription("r", null, "console", Filter.of(FilterConfig.any()));
            Reconciler reconciler = PollPipeline.of(
                            db,
                            new Matcher(() -> SubscriptionIndex.of(List.of(route))),
                            clock,
                            PollingConfig.defaults())
                    .reconciler();
            Normalizer normalizer = new Normalizer(clock, List.of());
            System.out.printf("file: %d entries, %.1f MB%n", ENTRIES, file.length / 1e6);
            System.out.printf("seed: %d ms%n", poll(reconciler, normalizer, source, file));
            long[] times = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                times[round] = poll(reconciler, normalizer, source, file);
                System.out.printf("re-poll %d (parse + normalise + reconcile): %d ms%n", round + 1, times[round]);
            }
            Arrays.sort(times);
            System.out.printf("re-poll median %d ms, best %d ms%n", times[ROUNDS / 2], times[0]);
        }
    }

    private static long poll(Reconciler reconciler, Normalizer normalizer, SourceConfig source, byte[] file)
            throws Exception {
        long start = System.nanoTime();
        List<RawPosting> raws = SimplifyParser.parse(file, "http://127.0.0.1/listings.json");
        List<Posting> postings = new ArrayList<>(raws.size());
        for (RawPosting raw : raws) {
            postings.add(normalizer.normalize(source.id(), null, true, raw));
        }
        List<PollEvent> events =
                reconciler.reconcile(source, PollPipeline.complete(postings), CacheTags.NONE, 0, false);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(events).last().isInstanceOfAny(PollEvent.SourcePolled.class, PollEvent.SourceSeeded.class);
        assertThat(events).noneMatch(e -> e instanceof PollEvent.PostingChanged);
        return millis;
    }

    private static byte[] listing(SplittableRandom random) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < ENTRIES; i++) {
            ObjectNode e = array.addObject();
            e.put("source", "Simplify").put("category", "Software").put("company_name", "Company " + (i % 2_000));
            e.put("id", "00000000-bench-4000-8000-" + String.format("%012d", i));
            e.put("title", ROLES[random.nextInt(ROLES.length)] + (i % 5 == 0 ? " - Summer 2027" : ""));
            e.put("active", i % 4 != 0).put("is_visible", true);
            e.putArray("terms").add("Summer 2027");
            e.put("date_posted", now - random.nextInt(5_000_000)).put("date_updated", now);
            e.put("url", "https://careers.example/company-" + (i % 2_000) + "/jobs/" + i + "?utm_source=simplify");
            ArrayNode locations = e.putArray("locations");
            for (int l = 0; l < 1 + random.nextInt(3); l++) {
                locations.add(PLACES[random.nextInt(PLACES.length)]);
            }
            e.put("company_url", "https://simplify.jobs/c/company-" + (i % 2_000));
            e.put("sponsorship", "Other");
            e.putArray("degrees").add("Bachelor's");
        }
        return array.toString().getBytes(StandardCharsets.UTF_8);
    }
}

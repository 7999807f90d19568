package dev.tern.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.Tern;
import dev.tern.config.SourceConfig;
import dev.tern.config.TernConfig;
import dev.tern.deliver.AlertText;
import dev.tern.posting.Degrees;
import dev.tern.posting.Normalizer;
import dev.tern.posting.Posting;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.SourceAdapter;
import dev.tern.source.SourceRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tern preview SOURCE_ID}: fetches one source once and prints every posting it yields, normalised and before
 * the {@code classify} filter, without touching the database. For setting up a source without guessing.
 */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = "Fetch one source once and print every posting it yields (normalised, before classify);"
                + " the database is not touched.")
public final class PreviewCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    private ConfigOption config;

    @Parameters(paramLabel = "SOURCE_ID", description = "The id of a source in the config file.")
    private String sourceId;

    @Option(names = "--json", description = "One JSON object per posting, then a source.previewed line.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<TernConfig> loaded = config.load(err);
        if (loaded.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        Optional<SourceConfig> source = config.source(loaded.get(), sourceId, err);
        if (source.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        Clock clock = Clock.systemUTC();
        SourceAdapter adapter =
                SourceRegistry.standard(clock).adapter(source.get().type()).orElseThrow();
        try (Http http = new Http(
                loaded.get().polling().timeout(), loaded.get().polling().maxBodySize(), Services.USER_AGENT)) {
            FetchResult result = adapter.fetch(source.get(), http, CacheTags.NONE);
            List<RawPosting> raws = result instanceof FetchResult.Fetched f ? f.postings() : List.of();
            print(out, normalize(source.get(), adapter, new Normalizer(clock, List.of(source.get())), raws));
            return 0;
        } catch (FetchException e) {
            if (json) {
                ObjectNode failed = JSON.createObjectNode();
                failed.put("type", "source.failed").put("source", sourceId).put("error", e.getMessage());
                out.println(failed);
            } else {
                err.println("error: " + sourceId + " failed: " + e.getMessage());
            }
            out.flush();
            err.flush();
            return Tern.EXIT_FAILURE;
        }
    }

    private static List<Posting> normalize(
            SourceConfig source, SourceAdapter adapter, Normalizer normalizer, List<RawPosting> raws) {
        List<Posting> postings = new ArrayList<>(raws.size());
        for (RawPosting raw : raws) {
            postings.add(normalizer.normalize(source.id(), source.company(), adapter.curated(), raw));
        }
        return postings;
    }

    /** "category data-ml | degrees bachelor, master | sponsorship unknown". */
    private static String facts(Posting p) {
        return "category " + (p.category() == null ? "unknown" : p.category().value())
                + " | degrees " + (p.degrees().isEmpty() ? "not stated" : Degrees.display(p.degrees()))
                + " | sponsorship " + p.sponsorship().value();
    }

    private void print(PrintWriter out, List<Posting> postings) {
        long internships = postings.stream().filter(Posting::internship).count();
        for (Posting p : postings) {
            if (json) {
                ObjectNode node = EventPrinter.postingJson(JSON.createObjectNode(), "posting", sourceId, p);
                node.put("internship", p.internship());
                out.println(node);
            } else {
                out.printf(
                        "%s %s - %s%s%n    %s%n    %s%n    %s%n",
                        p.internship() ? "[intern]" : "[other] ",
                        p.company(),
                        p.title(),
                        p.term() == null ? "" : " (" + p.term().display() + ")",
                        AlertText.where(p),
                        facts(p),
                        p.url().isEmpty() ? "(no URL)" : p.url());
            }
        }
        if (json) {
            ObjectNode done = JSON.createObjectNode();
            done.put("type", "source.previewed").put("source", sourceId).put("postings", postings.size());
            out.println(done);
        } else {
            out.printf(
                    "%s: %d posting(s), %d classified as internships%s%n",
                    sourceId,
                    postings.size(),
                    internships,
                    postings.isEmpty() ? "" : " (classify: all keeps the others)");
        }
        out.flush();
    }
}

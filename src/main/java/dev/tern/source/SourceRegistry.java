package dev.tern.source;

import dev.tern.config.SourceTypeSpec;
import dev.tern.source.amazon.AmazonAdapter;
import dev.tern.source.ashby.AshbyAdapter;
import dev.tern.source.feed.FeedAdapter;
import dev.tern.source.greenhouse.GreenhouseAdapter;
import dev.tern.source.html.HtmlAdapter;
import dev.tern.source.json.JsonApiAdapter;
import dev.tern.source.jsonld.JsonLdAdapter;
import dev.tern.source.lever.LeverAdapter;
import dev.tern.source.recruitee.RecruiteeAdapter;
import dev.tern.source.simplify.SimplifyAdapter;
import dev.tern.source.smartrecruiters.SmartRecruitersAdapter;
import dev.tern.source.tiktok.TikTokAdapter;
import dev.tern.source.workable.WorkableAdapter;
import dev.tern.source.workday.WorkdayAdapter;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The source types Tern knows, by their YAML {@code type}: the config loader checks against it, polls use it. */
public final class SourceRegistry {

    private final Map<String, SourceAdapter> adapters;

    /** A registry of the given adapters; two with the same type are a programming error. */
    public SourceRegistry(List<SourceAdapter> adapters) {
        Map<String, SourceAdapter> byType = new LinkedHashMap<>();
        for (SourceAdapter adapter : adapters) {
            if (byType.putIfAbsent(adapter.type(), adapter) != null) {
                throw new IllegalArgumentException("two source adapters for type " + adapter.type());
            }
        }
        this.adapters = Collections.unmodifiableMap(byType);
    }

    /** Every source type this build of Tern can poll, on the system clock. */
    public static SourceRegistry standard() {
        return standard(Clock.systemUTC());
    }

    /** Every source type this build of Tern can poll; {@code clock} dates what sources only date in prose. */
    public static SourceRegistry standard(Clock clock) {
        return new SourceRegistry(List.of(
                new SimplifyAdapter(),
                new GreenhouseAdapter(),
                new LeverAdapter(),
                new AshbyAdapter(),
                new SmartRecruitersAdapter(),
                new WorkdayAdapter(clock),
                new RecruiteeAdapter(),
                new WorkableAdapter(),
                new TikTokAdapter(),
                new AmazonAdapter(),
                new FeedAdapter(),
                new HtmlAdapter(),
                new JsonLdAdapter(),
                new JsonApiAdapter()));
    }

    /** The adapter for a {@code type}, if there is one. */
    public Optional<SourceAdapter> adapter(String type) {
        return Optional.ofNullable(adapters.get(type));
    }

    /** What each type accepts in YAML, in registration order. */
    public Map<String, SourceTypeSpec> specs() {
        return Collections.unmodifiableMap(adapters);
    }
}

package dev.tern.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole of {@code config/tern.yml}, validated and with {@code ${VAR}} references resolved.
 *
 * @param storage where the database lives
 * @param polling defaults for every source
 * @param sources the sources to poll, in file order
 * @param routes where matching postings go, in file order
 * @param discord the Discord bot; {@link DiscordConfig#disabled()} when the section is missing, never null
 * @param http the status server; empty (off) when the section is missing
 */
public record TernConfig(
        StorageConfig storage,
        PollingConfig polling,
        List<SourceConfig> sources,
        List<RouteConfig> routes,
        DiscordConfig discord,
        Optional<HttpConfig> http) {

    public TernConfig {
        sources = List.copyOf(sources);
        routes = List.copyOf(routes);
        discord = discord == null ? DiscordConfig.disabled() : discord;
        http = http == null ? Optional.empty() : http;
    }

    /** A configuration without the status server. */
    public TernConfig(
            StorageConfig storage,
            PollingConfig polling,
            List<SourceConfig> sources,
            List<RouteConfig> routes,
            DiscordConfig discord) {
        this(storage, polling, sources, routes, discord, Optional.empty());
    }
}

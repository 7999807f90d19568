package dev.tern.config;

import java.util.List;

/**
 * The whole of {@code config/tern.yml}, validated and with {@code ${VAR}} references resolved.
 *
 * @param storage where the database lives
 * @param polling defaults for every source
 * @param sources the sources to poll, in file order
 * @param routes where matching postings go, in file order
 * @param discord the Discord bot; {@link DiscordConfig#disabled()} when the section is missing, never null
 */
public record TernConfig(
        StorageConfig storage,
        PollingConfig polling,
        List<SourceConfig> sources,
        List<RouteConfig> routes,
        DiscordConfig discord) {

    public TernConfig {
        sources = List.copyOf(sources);
        routes = List.copyOf(routes);
        discord = discord == null ? DiscordConfig.disabled() : discord;
    }
}

package dev.tern.config;

import java.util.List;

/**
 * The whole of {@code config/tern.yml}, validated and with {@code ${VAR}} references resolved.
 *
 * @param storage where the database lives
 * @param polling defaults for every source
 * @param sources the sources to poll, in file order
 * @param routes where matching postings go, in file order
 */
public record TernConfig(
        StorageConfig storage, PollingConfig polling, List<SourceConfig> sources, List<RouteConfig> routes) {

    public TernConfig {
        sources = List.copyOf(sources);
        routes = List.copyOf(routes);
    }
}

package dev.tern.config;

/**
 * One entry of {@code routes}: matching postings go to one target.
 *
 * @param id unique id
 * @param to the target ("console"; later "discord:channel/ID", ...)
 * @param filter which postings match
 */
public record RouteConfig(String id, String to, FilterConfig filter) {}

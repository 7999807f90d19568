package dev.tern.config;

/**
 * One entry of {@code routes}: matching postings go to one target.
 *
 * @param id unique id
 * @param to the target's key ("console", "discord:channel/ID", "slack:URL", ...): print {@link Target#displayOf}
 * @param filter which postings match
 * @param secret the key that signs a {@code webhook:} target's bodies (HMAC-SHA256), or null; never printed
 */
public record RouteConfig(String id, String to, FilterConfig filter, String secret) {

    /** A route without a signing secret. */
    public RouteConfig(String id, String to, FilterConfig filter) {
        this(id, to, filter, null);
    }

    @Override
    public String toString() {
        return "RouteConfig[id=" + id + ", to=" + Target.displayOf(to) + ", filter=" + filter + ", secret="
                + (secret == null ? "none" : "***") + "]";
    }
}

package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One REST request as the fake Discord saw it, and the status it answered.
 *
 * @param method the HTTP method, upper case
 * @param path the path after {@code /api/v10/}, e.g. {@code channels/123/messages}
 * @param query the raw query string, or "" when there was none
 * @param body the JSON body; a missing node when empty, a text node when it was not JSON
 * @param headers the request headers, names lower case, first value of each (the authorization header included:
 *     never print it)
 * @param status the HTTP status the fake answered
 * @param at when it arrived
 */
public record Recorded(
        String method, String path, String query, JsonNode body, Map<String, String> headers, int status, Instant at) {

    public Recorded {
        headers = Map.copyOf(headers);
    }

    /** The first value of the header (name in any case), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the request carried {@code authorization: Bot <token>}. */
    public boolean authorizedWith(String token) {
        return ("Bot " + token).equals(header("authorization"));
    }

    /** Leaves the authorization header out, so a failing assertion never prints the token. */
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status
                + (body.isMissingNode() ? "" : " " + body);
    }
}

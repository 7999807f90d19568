package dev.tern.config;

import java.util.List;
import java.util.regex.Pattern;

/** Reads the {@code http} section; the password is never part of a message. */
final class HttpReader {

    private static final List<String> KEYS = List.of("port", "bind", "password");
    private static final int MAX_PORT = 65_535;
    /** An IPv4 or IPv6 literal or a host name; whether it can be bound is known only when the server starts. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:-]+|\\[[0-9A-Fa-f:.]+]");

    private HttpReader() {}

    static HttpConfig read(MapReader reader) {
        reader.rejectUnknown(KEYS, "");
        int port = reader.integer("port")
                .filter(p -> {
                    if (p >= 1 && p <= MAX_PORT) {
                        return true;
                    }
                    reader.problem("port", "port " + p + " is out of range 1.." + MAX_PORT + "; 8080 is usual");
                    return false;
                })
                .orElse(0);
        if (reader.node("port").isEmpty()) {
            reader.problem("port", "required: the port of the status server, e.g. port: 8080 (or remove http)");
        }
        String bind = reader.text("bind").map(String::strip).orElse(HttpConfig.DEFAULT_BIND);
        if (!ADDRESS.matcher(bind).matches()) {
            reader.problem(
                    "bind",
                    "'" + bind + "' is not an address; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)");
            bind = HttpConfig.DEFAULT_BIND;
        }
        String password = reader.text("password").orElse("");
        return new HttpConfig(port, bind, password);
    }
}

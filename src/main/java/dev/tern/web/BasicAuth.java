package dev.tern.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP Basic authentication for one user. Both the user name and the password are compared as SHA-256 digests
 * with {@link MessageDigest#isEqual}, so the time taken says nothing about how much of a guess was right.
 */
final class BasicAuth extends Filter {

    private static final String REALM = "Basic realm=\"Tern\", charset=\"UTF-8\"";
    private static final String PREFIX = "Basic ";

    private final byte[] user;
    private final byte[] password;

    BasicAuth(String user, String password) {
        this.user = sha256(user);
        this.password = sha256(password);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            chain.doFilter(exchange);
            return;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", REALM);
        Responses.html(exchange, 401, """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>401 Unauthorized</title></head>
                <body><h1>401 Unauthorized</h1><p>This page needs the status password (user admin).</p></body></html>
                """);
    }

    @Override
    public String description() {
        return "HTTP Basic authentication";
    }

    boolean accepts(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(header.substring(PREFIX.length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(user, sha256(decoded.substring(0, colon)));
        boolean passwordMatches = MessageDigest.isEqual(password, sha256(decoded.substring(colon + 1)));
        return userMatches & passwordMatches;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

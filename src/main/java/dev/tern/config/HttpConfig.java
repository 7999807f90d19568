package dev.tern.config;

/**
 * The {@code http} section: the small HTTP server for health checks, metrics and the status page. The server runs
 * only when the section is present.
 *
 * @param port the TCP port (1..65535)
 * @param bind the address to listen on: 127.0.0.1 (the default) for this machine only, 0.0.0.0 for every interface
 * @param password the password of user {@code admin} for every page but {@code /livez} and {@code /readyz}; empty
 *     for none (a secret: never logged, never printed)
 */
public record HttpConfig(int port, String bind, String password) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The user name HTTP Basic authentication asks for when a password is set. */
    public static final String USER = "admin";

    public HttpConfig {
        bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind;
        password = password == null ? "" : password;
    }

    /** Whether pages other than the health checks ask for the password. */
    public boolean passwordProtected() {
        return !password.isEmpty();
    }

    @Override
    public String toString() {
        return "HttpConfig[port=" + port + ", bind=" + bind + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}

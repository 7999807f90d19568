package dev.tern.discord;

/** The bot could not start: a refused token, or Discord out of reach. The message never contains the token. */
public final class DiscordStartException extends Exception {

    public DiscordStartException(String message) {
        super(message);
    }
}

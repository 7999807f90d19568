package dev.tern.discord;

import dev.tern.deliver.DeliveryException;
import dev.tern.deliver.DeliveryException.Kind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/** Waits for Discord's answers and says what a failure means for the outbox: retry, or never (and why). */
final class DiscordFailures {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private DiscordFailures() {}

    /** The answer, waiting at most {@link #TIMEOUT}; a failure becomes a {@link DeliveryException}. */
    static <T> T await(String target, CompletableFuture<T> future) throws DeliveryException {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw DeliveryException.transientFailure("interrupted while sending to " + target, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw DeliveryException.transientFailure("Discord did not answer within " + TIMEOUT.toSeconds() + "s", e);
        } catch (ExecutionException e) {
            throw translate(target, e.getCause());
        }
    }

    static DeliveryException translate(String target, Throwable failure) {
        if (failure instanceof InsufficientPermissionException e) {
            return DeliveryException.permanent(
                    Kind.TARGET_GONE, "the bot lacks " + e.getPermission().getName() + " in " + target);
        }
        if (failure instanceof ErrorResponseException e) {
            ErrorResponse error = e.getErrorResponse();
            String what = "Discord error " + e.getErrorCode() + " (" + e.getMeaning() + ") for " + target;
            return switch (error) {
                case UNKNOWN_CHANNEL, MISSING_ACCESS, MISSING_PERMISSIONS, UNKNOWN_USER, UNKNOWN_MESSAGE ->
                    DeliveryException.permanent(Kind.TARGET_GONE, what);
                case CANNOT_SEND_TO_USER -> DeliveryException.permanent(Kind.RECIPIENT_CLOSED, what);
                default ->
                    e.isServerError() || e.getErrorCode() == -1
                            ? DeliveryException.transientFailure(what, e)
                            : DeliveryException.permanent(Kind.REJECTED, what);
            };
        }
        return DeliveryException.transientFailure("sending to " + target + " failed: " + failure, failure);
    }
}

package dev.tern.deliver;

import dev.tern.store.AdminNotice;

/** Where notices for the admins go: a Discord channel, or the log. */
public interface NoticeSink {

    /**
     * Tells the admins.
     *
     * @throws DeliveryException when it could not; a transient failure is tried again later
     */
    void tell(AdminNotice notice) throws DeliveryException;

    /**
     * Whether this sink can tell anything now; while it cannot (an instance that does not hold the Discord session),
     * notices wait untouched for one that can, without counting attempts.
     */
    default boolean ready() {
        return true;
    }
}

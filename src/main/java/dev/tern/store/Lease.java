package dev.tern.store;

import java.time.Instant;

/**
 * A row of the {@code leases} table: a process doing one piece of work (polling a source, draining the outbox)
 * that no other process may do at the same time.
 *
 * @param name what is leased: {@code source:<id>} or {@code outbox}
 * @param token random per claim; only the claim that wrote it renews or releases the lease
 * @param pid the holder's process id
 * @param host the holder's host name
 * @param acquiredAt when the holder took it
 * @param expiresAt when it ends unless renewed (its holder renews it while it works)
 */
public record Lease(String name, String token, long pid, String host, Instant acquiredAt, Instant expiresAt) {}

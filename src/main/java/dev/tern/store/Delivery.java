package dev.tern.store;

import java.time.Instant;

/**
 * One outbox row as stored, for reports and tests.
 *
 * @param id the row id
 * @param fingerprint the posting's cross-source identity; unique with the target
 * @param target where the alert goes
 * @param postingKey the posting that was matched first
 * @param routeId the route that matched, or null
 * @param subscriptionId the user subscription that matched, or null
 * @param status pending, sent or failed
 * @param attempts attempts made so far
 * @param nextAttemptAt when a pending row is due
 * @param lastError why the last attempt failed, or null
 * @param createdAt when it was queued
 * @param sentAt when it was delivered, or null
 * @param externalMessageId the message id the target gave back, or null
 */
public record Delivery(
        long id,
        String fingerprint,
        String target,
        String postingKey,
        String routeId,
        String subscriptionId,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        String externalMessageId) {}

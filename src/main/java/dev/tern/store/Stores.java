package dev.tern.store;

/**
 * Every store, built once by the app and handed to the services that need them, so that no class hides a
 * dependency on a table behind a {@code new XStore()} of its own.
 */
public record Stores(
        PostingStore postings,
        SourceStateStore sources,
        DeliveryStore deliveries,
        SubscriptionStore subscriptions,
        DiscordUserStore users,
        TargetStore targets,
        NoticeStore notices,
        LeaseStore leases,
        OutboxMessageStore messages) {

    /** One of each store. */
    public static Stores create() {
        return new Stores(
                new PostingStore(),
                new SourceStateStore(),
                new DeliveryStore(),
                new SubscriptionStore(),
                new DiscordUserStore(),
                new TargetStore(),
                new NoticeStore(),
                new LeaseStore(),
                new OutboxMessageStore());
    }
}

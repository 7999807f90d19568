package dev.tern.discord.fake;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who and what the fake guild knows: user names, member permissions and the DM channel opened with each user. */
final class Directory {

    private final Snowflakes snowflakes;
    private final Map<String, String> usernames = new ConcurrentHashMap<>();
    private final Map<String, Long> permissions = new ConcurrentHashMap<>();
    private final Map<String, String> dmByUser = new ConcurrentHashMap<>();
    private final Map<String, String> userByDm = new ConcurrentHashMap<>();

    Directory(Snowflakes snowflakes) {
        this.snowflakes = snowflakes;
        user(FakeDiscord.ALICE, "alice", FakeDiscord.MEMBER_PERMISSIONS);
        user(FakeDiscord.BOB, "bob", FakeDiscord.MEMBER_PERMISSIONS);
        user(FakeDiscord.ADMIN, "admin", FakeDiscord.ALL_PERMISSIONS);
    }

    void user(String id, String username, long memberPermissions) {
        usernames.put(id, username);
        permissions.put(id, memberPermissions);
    }

    String username(String userId) {
        return usernames.getOrDefault(userId, "user" + userId);
    }

    void permissions(String userId, long memberPermissions) {
        permissions.put(userId, memberPermissions);
    }

    long permissions(String userId) {
        return permissions.getOrDefault(userId, FakeDiscord.MEMBER_PERMISSIONS);
    }

    /** The DM channel with the user, the same id every time (as on Discord). */
    synchronized String dmChannel(String userId) {
        return dmByUser.computeIfAbsent(userId, id -> {
            String channel = snowflakes.next();
            userByDm.put(channel, id);
            return channel;
        });
    }

    Optional<String> dmRecipient(String channelId) {
        return Optional.ofNullable(userByDm.get(channelId));
    }

    static Set<String> guildChannels() {
        return Set.of(FakeDiscord.GENERAL, FakeDiscord.ALERTS);
    }

    boolean knowsChannel(String channelId) {
        return guildChannels().contains(channelId) || userByDm.containsKey(channelId);
    }
}

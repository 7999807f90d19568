package dev.tern.discord.commands;

import dev.tern.config.SourceConfig;
import dev.tern.match.SubscriptionService;
import dev.tern.poll.PollEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the slash commands work with, built by the app's wiring.
 *
 * @param subscriptions students' subscriptions, searches and status
 * @param sources the configured sources (for {@code /tern poll} choices)
 * @param pollNow polls the source with this id now, delivers what it can, and returns the poll's events
 * @param acceptHold closes what the held poll of the source with this id (first) kept open, when the hold is the one
 *     with the id given second (null: whatever it holds); empty when it holds nothing or another hold
 * @param clock the time
 */
public record CommandContext(
        SubscriptionService subscriptions,
        List<SourceConfig> sources,
        Function<String, List<PollEvent>> pollNow,
        BiFunction<String, String, Optional<List<PollEvent>>> acceptHold,
        Clock clock) {}

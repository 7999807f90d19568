package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.TernConfig;
import dev.tern.discord.DiscordStartException;
import dev.tern.poll.PollEvent;
import dev.tern.store.StoreException;
import dev.tern.web.WebStartException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tern run}: polls every source on schedule and delivers alerts until SIGTERM or SIGINT. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run everything on schedule until stopped (SIGTERM or Ctrl-C), then stop cleanly.")
public final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<TernConfig> loaded = config.load(err);
        if (loaded.isEmpty()) {
            return Tern.EXIT_CONFIG;
        }
        TernConfig c = loaded.get();
        TernRuntime runtime;
        try {
            runtime = TernRuntime.start(c, Clock.systemUTC(), spec.commandLine().getOut());
        } catch (DiscordStartException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Tern.EXIT_FAILURE;
        } catch (StoreException e) {
            err.println("error: cannot open the database " + c.storage().displayUrl() + ": " + e.getMessage());
            err.flush();
            return Tern.EXIT_FAILURE;
        }
        log.info(
                "Tern {} starting: {} source(s), {} route(s), database {}",
                Tern.version(),
                c.sources().size(),
                c.routes().size(),
                c.storage().displayUrl());
        StopSignal stop = StopSignal.install();
        Services services = runtime.services();
        try (runtime;
                PollScheduler scheduler = new PollScheduler(
                        PollScheduler.storeFor(services),
                        c.sources(),
                        services.poller(),
                        services.states(),
                        services::deliver,
                        Clock.systemUTC(),
                        new SecureRandom(),
                        (sourceId, events, took) -> {
                            logEvents(events);
                            runtime.metrics().polled(sourceId, events, took);
                        });
                StatusServer web = StatusServer.start(runtime, scheduler)) {
            scheduler.start();
            String signal = stop.await();
            log.info("Received {}; stopping (waiting for running polls)", signal);
        } catch (SchedulerException e) {
            err.println("error: the scheduler could not start: " + e.getMessage());
            err.flush();
            return Tern.EXIT_FAILURE;
        } catch (WebStartException e) {
            err.println("error: the status server could not start: " + e.getMessage());
            err.flush();
            return Tern.EXIT_FAILURE;
        }
        log.info("Tern stopped cleanly");
        return 0;
    }

    /** Logs each event with its type and error as key-value pairs (fields of their own in JSON logs). */
    private static void logEvents(List<PollEvent> events) {
        for (PollEvent event : events) {
            LoggingEventBuilder line =
                    switch (event) {
                        case PollEvent.SourceFailed e -> log.atWarn().addKeyValue("error", e.error());
                        case PollEvent.SourceSuspicious e -> log.atWarn().addKeyValue("reason", e.reason());
                        case PollEvent.SourceSeeded e -> log.atInfo();
                        case PollEvent.SourceBusy e -> log.atInfo();
                        case PollEvent.SourcePolled e -> log.atInfo();
                        case PollEvent.HoldConfirmed e -> log.atInfo();
                        case PollEvent.HoldCleared e -> log.atInfo();
                        case PollEvent.HoldAccepted e -> log.atInfo();
                        default -> log.atDebug();
                    };
            // the source is in the MDC for the whole poll (PollScheduler)
            line.addKeyValue("event", EventPrinter.type(event)).log(EventPrinter.toText(event));
        }
    }
}

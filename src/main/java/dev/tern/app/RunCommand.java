package dev.tern.app;

import dev.tern.Tern;
import dev.tern.config.TernConfig;
import dev.tern.discord.DiscordStartException;
import dev.tern.poll.PollEvent;
import dev.tern.store.StoreException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
                        c.sources(),
                        services.poller(),
                        services.states(),
                        services::deliver,
                        Clock.systemUTC(),
                        new SecureRandom(),
                        RunCommand::logEvents)) {
            scheduler.start();
            String signal = stop.await();
            log.info("Received {}; stopping (waiting for running polls)", signal);
        } catch (SchedulerException e) {
            err.println("error: the scheduler could not start: " + e.getMessage());
            err.flush();
            return Tern.EXIT_FAILURE;
        }
        log.info("Tern stopped cleanly");
        return 0;
    }

    private static void logEvents(List<PollEvent> events) {
        for (PollEvent event : events) {
            switch (event) {
                case PollEvent.SourceFailed e -> log.warn("{}", EventPrinter.toText(e));
                case PollEvent.SourceSuspicious e -> log.warn("{}", EventPrinter.toText(e));
                case PollEvent.SourceSeeded e -> log.info("{}", EventPrinter.toText(e));
                case PollEvent.SourceBusy e -> log.info("{}", EventPrinter.toText(e));
                case PollEvent.SourcePolled e -> log.info("{}", EventPrinter.toText(e));
                case PollEvent.HoldConfirmed e -> log.info("{}", EventPrinter.toText(e));
                case PollEvent.HoldCleared e -> log.info("{}", EventPrinter.toText(e));
                case PollEvent.HoldAccepted e -> log.info("{}", EventPrinter.toText(e));
                default -> log.debug("{}", EventPrinter.toText(event));
            }
        }
    }
}

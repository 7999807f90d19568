package dev.tern.app;

import dev.tern.config.HttpConfig;
import dev.tern.web.Health;
import dev.tern.web.WebServer;
import dev.tern.web.WebStartException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The status server of {@code tern run}: started when the config has an {@code http} section, else nothing. */
final class StatusServer implements AutoCloseable {

    private static final int DATABASE_CHECK_SECONDS = 2;

    private final Optional<WebServer> server;

    private StatusServer(Optional<WebServer> server) {
        this.server = server;
    }

    /** Listens now (a port in use fails here, before any poll) with the checks this runtime has. */
    static StatusServer start(TernRuntime runtime, PollScheduler scheduler) throws WebStartException {
        Optional<HttpConfig> http = runtime.services().config().http();
        if (http.isEmpty()) {
            return new StatusServer(Optional.empty());
        }
        List<Health.Check> checks = new ArrayList<>();
        checks.add(new Health.Check(
                "database",
                () -> runtime.services().database().answers(DATABASE_CHECK_SECONDS)
                        ? Optional.empty()
                        : Optional.of("the database does not answer")));
        checks.add(new Health.Check(
                "scheduler",
                () -> scheduler.running() ? Optional.empty() : Optional.of("the scheduler is not running")));
        if (runtime.discordConnected().isPresent()) {
            checks.add(new Health.Check(
                    "bot",
                    () -> runtime.discordConnected().orElse(false)
                            ? Optional.empty()
                            : Optional.of("the Discord bot is not connected")));
        }
        Health health = new Health(scheduler::alive, checks);
        return new StatusServer(Optional.of(WebServer.start(http.get(), health, runtime.metrics(), runtime.status())));
    }

    @Override
    public void close() {
        server.ifPresent(WebServer::close);
    }
}

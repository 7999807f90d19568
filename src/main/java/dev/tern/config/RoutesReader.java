package dev.tern.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads the {@code routes} list: which postings go to which target, with each route's filter. */
final class RoutesReader {

    private static final List<String> ROUTE_KEYS = List.of("id", "to", "secret", "filter");
    private static final List<String> FILTER_KEYS = List.of(
            "keywords",
            "locations",
            "startYears",
            "companies",
            "excludeCompanies",
            "remote",
            "includeUnknownYear",
            "sponsorship",
            "degrees",
            "includeUnknownDegree",
            "categories");
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2100;
    private static final String EXAMPLE = "- { id: everything, to: console }";

    private final KeywordCheck keywordCheck;
    private final Values values;
    private final boolean discordEnabled;
    private final Problems problems;
    private final Map<String, Integer> idLines = new HashMap<>();
    /** The first route to each {@code webhook:} URL, and its secret ("" for none). */
    private final Map<String, Map.Entry<String, String>> webhookSecrets = new HashMap<>();

    /** @param discordEnabled whether the bot runs, without which a Discord target cannot be delivered to */
    RoutesReader(KeywordCheck keywordCheck, Values values, boolean discordEnabled) {
        this.keywordCheck = keywordCheck;
        this.values = values;
        this.discordEnabled = discordEnabled;
        this.problems = values.problems();
    }

    /** Every valid route, in file order; the invalid ones are reported and left out. */
    List<RouteConfig> read(Optional<Node> node) {
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof Node.Sequence sequence)) {
            problems.add(
                    "routes",
                    node.get().line(),
                    "must be a list of routes such as " + EXAMPLE + ", not "
                            + node.get().kind());
            return List.of();
        }
        List<RouteConfig> routes = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            MapReader.of(sequence.items().get(i), "routes[" + i + "]", values, "a mapping such as " + EXAMPLE)
                    .flatMap(this::route)
                    .ifPresent(routes::add);
        }
        return routes;
    }

    private Optional<RouteConfig> route(MapReader reader) {
        int before = problems.count();
        reader.rejectUnknown(ROUTE_KEYS, "");
        Optional<String> id = id(reader);
        Optional<String> to = reader.text("to")
                .filter(target -> validTarget(reader, id.orElse("?"), target))
                .map(target -> Target.parse(target).key());
        if (reader.node("to").isEmpty()) {
            reader.problem(
                    "to",
                    "required: where matching postings go; use console, discord:channel/<channel id>, slack:<webhook URL>,"
                            + " discord-webhook:<webhook URL> or webhook:<URL>");
        }
        FilterConfig filter = reader.node("filter")
                .flatMap(node -> MapReader.of(node, reader.pathOf("filter"), values, "a mapping of filter keys"))
                .map(this::filter)
                .orElse(FilterConfig.any());
        String secret = secret(reader, to);
        if (problems.count() != before || id.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (!oneSecretPerUrl(reader, id.get(), to.get(), secret)) {
            return Optional.empty();
        }
        return Optional.of(new RouteConfig(id.get(), to.get(), filter, secret));
    }

    /**
     * A {@code webhook:} URL is one endpoint, and its bodies are signed with one secret: two routes to it with
     * different secrets (or one with and one without) would sign with whichever came first.
     */
    private boolean oneSecretPerUrl(MapReader reader, String id, String target, String secret) {
        if (!(Target.parse(target) instanceof Target.JsonWebhook)) {
            return true;
        }
        Map.Entry<String, String> first =
                webhookSecrets.putIfAbsent(target, Map.entry(id, Objects.toString(secret, "")));
        if (first == null || first.getValue().equals(Objects.toString(secret, ""))) {
            return true;
        }
        reader.problem(
                "secret",
                "route " + id + " sends to " + Target.displayOf(target) + " as route " + first.getKey()
                        + " does, with another secret (or none): an endpoint checks one secret; give both routes the"
                        + " same secret");
        return false;
    }

    /** The key that signs a {@code webhook:} target's bodies, or null; never quoted in a message. */
    private String secret(MapReader reader, Optional<String> to) {
        if (reader.node("secret").isEmpty()) {
            return null;
        }
        Optional<String> secret = reader.text("secret").filter(text -> !text.isBlank());
        if (secret.isEmpty()) {
            reader.problem("secret", "is empty; set it (secret: ${WEBHOOK_SECRET}) or remove the key");
            return null;
        }
        if (to.isPresent() && !(Target.parse(to.get()) instanceof Target.JsonWebhook)) {
            reader.problem("secret", "only a webhook:<URL> target signs its bodies with a secret; remove the key");
            return null;
        }
        return secret.get();
    }

    private Optional<String> id(MapReader reader) {
        Optional<String> id = reader.text("id");
        if (id.isEmpty() && reader.node("id").isEmpty()) {
            reader.problem("id", "required: a unique name for this route, such as 'sg-ml'");
        }
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Integer firstLine = idLines.putIfAbsent(id.get(), reader.line("id"));
        if (firstLine != null) {
            reader.problem(
                    "id", "duplicate id '" + id.get() + "' (first used at line " + firstLine + "); ids must be unique");
            return Optional.empty();
        }
        return id;
    }

    private boolean validTarget(MapReader reader, String routeId, String text) {
        Target target;
        try {
            target = Target.parseStrict(text);
        } catch (IllegalArgumentException e) {
            reader.problem("to", e.getMessage());
            return false;
        }
        return switch (target) {
            case Target.Console console -> true;
            case Target.SlackWebhook slack -> true;
            case Target.DiscordWebhook webhook -> true;
            case Target.JsonWebhook webhook -> true;
            case Target.DiscordChannel channel -> discordEnabled(reader, routeId);
            case Target.DiscordUser user -> {
                reader.problem(
                        "to",
                        "a route cannot send to one user's DMs ('" + target.key() + "'); users subscribe with"
                                + " /subscribe. Use discord:channel/<channel id>");
                yield false;
            }
        };
    }

    private boolean discordEnabled(MapReader reader, String routeId) {
        if (!discordEnabled) {
            reader.problem(
                    "to",
                    "route " + routeId + " sends to Discord but discord.token is not set; set it (token:"
                            + " ${DISCORD_TOKEN}) or send this route to console");
            return false;
        }
        return true;
    }

    private FilterConfig filter(MapReader reader) {
        reader.rejectUnknown(FILTER_KEYS, "");
        String keywords =
                reader.text("keywords").filter(query -> !query.isBlank()).orElse(null);
        if (keywords != null) {
            keywordCheck
                    .problem(keywords)
                    .ifPresent(problem -> reader.problem("keywords", "bad keyword query: " + problem));
        }
        return new FilterConfig(
                keywords,
                reader.list("locations", "[Singapore, Remote]", String::strip).orElse(List.of()),
                reader.list("startYears", "[2026]", RoutesReader::year).orElse(List.of()),
                reader.list("companies", "[Stripe, Palantir]", String::strip).orElse(List.of()),
                reader.list("excludeCompanies", "[Acme]", String::strip).orElse(List.of()),
                reader.choice("remote", FilterConfig.RemoteMode.class).orElse(FilterConfig.RemoteMode.ANY),
                reader.bool("includeUnknownYear").orElse(true),
                reader.list("sponsorship", "[offered, unknown]", Sponsorship::of)
                        .orElse(List.of()),
                reader.list("degrees", "[bachelor, master]", Degree::of).orElse(List.of()),
                reader.bool("includeUnknownDegree").orElse(true),
                reader.list("categories", "[software, data-ml]", Category::of).orElse(List.of()));
    }

    private static Integer year(String text) {
        int year = MapReader.parseInt(text);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("start year " + year + " is out of range " + MIN_YEAR + ".." + MAX_YEAR);
        }
        return year;
    }
}

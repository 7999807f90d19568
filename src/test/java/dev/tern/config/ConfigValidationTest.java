package dev.tern.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ConfigValidationTest {

    /** Stands in for the match stage's parser: only unbalanced parentheses are malformed. */
    private static final KeywordCheck PARENTHESES = query -> {
        int depth = 0;
        for (int i = 0; i < query.length(); i++) {
            depth += query.charAt(i) == '(' ? 1 : query.charAt(i) == ')' ? -1 : 0;
            if (depth < 0) {
                return Optional.of("unexpected ')' at position " + (i + 1));
            }
        }
        return depth == 0 ? Optional.empty() : Optional.of("missing ')' at the end");
    };

    private final Map<String, String> env = Map.of(
            "GH_BOARD",
            "stripe",
            "DB_PASSWORD",
            "s3cret-pass",
            "SLACK_HOOK",
            "https://hooks.slack.com/services/T0/B0/xyzzy");
    private final ConfigLoader loader = new ConfigLoader(TestSourceTypes.all(), PARENTHESES, env::get);

    @Test
    void missingBoardNamesPathAndLineOfTheSource() {
        String yaml = """
                polling:
                  interval: 15m

                sources:
                  - id: simplify-summer
                    type: simplify
                    url: https://example.com/listings.json
                  - id: stripe
                    type: greenhouse
                    company: Stripe
                """;

        assertThat(problems(yaml)).containsExactly("sources[1].board: required for type greenhouse (line 8)");
    }

    @Test
    void unknownTopLevelKey() {
        assertThat(problems("storage: {}\npolling: {}\npollng: { interval: 5m }\n"))
                .containsExactly(
                        "pollng: unknown key 'pollng'; expected one of: storage, polling, sources, routes, discord, http (line 3)");
    }

    @Test
    void unknownKeyInSourceListsWhatTheTypeTakes() {
        String yaml = """
                sources:
                  - id: a
                    type: simplify
                    url: https://example.com/a.json
                  - id: b
                    type: lever
                    site: acme
                    bord: x
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "sources[1].bord: unknown key 'bord' for type lever; expected one of: "
                                + "site, region, id, type, interval, cron, company, baseUrl, classify, backfill, term (line 8)");
    }

    @Test
    void unknownKeyInFilterAndInSections() {
        String yaml = """
                storage:
                  url: jdbc:h2:mem:x
                  username: sa
                routes:
                  - id: r
                    to: console
                    filter:
                      keywords: ml
                      location: [Singapore]
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "storage.username: unknown key 'username'; expected one of: url, user, password (line 3)",
                        "routes[0].filter.location: unknown key 'location'; expected one of: keywords, locations, startYears, "
                                + "companies, excludeCompanies, remote, includeUnknownYear, sponsorship, degrees,"
                                + " includeUnknownDegree, categories (line 9)");
    }

    @Test
    void badIntervalSaysHowToWriteOne() {
        String yaml = """
                sources:
                  - { id: a, type: greenhouse, board: a, interval: 5x }
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "sources[0].interval: bad duration '5x'; write one e.g. 30s, 15m, 6h, 30d, 1h30m or PT15M (line 2)");
    }

    @Test
    void intervalsShorterThanAMinuteAreImpolite() {
        String yaml = """
                polling:
                  interval: 30s
                sources:
                  - { id: a, type: greenhouse, board: a, interval: 10s }
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "polling.interval: interval 30s is too short: poll sources at most once a minute (1m or more), "
                                + "to be polite to them (line 2)",
                        "sources[0].interval: interval 10s is too short: poll a source at most once a minute (1m or more), "
                                + "to be polite to it (line 4)");
    }

    @Test
    void pollingValuesAreChecked() {
        String yaml = """
                polling:
                  timeout: 500
                  maxBodySize: 0
                  maxAge: forever
                  closeAfterMissedPolls: 0
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "polling.timeout: duration '500' needs a unit: 500s, 500m, 500h or 500d (line 2)",
                        "polling.maxBodySize: must be more than 0 (line 3)",
                        "polling.maxAge: bad duration 'forever'; write one e.g. 30s, 15m, 6h, 30d, 1h30m or PT15M, or off (line 4)",
                        "polling.closeAfterMissedPolls: must be more than 0 (line 5)");
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        assertThat(problems("sources:\n  - id: a\n    type: workday\n    tenant: x\n"))
                .containsExactly(
                        "sources[0].type: unknown type 'workday'; expected one of: greenhouse, lever, simplify (line 3)");
    }

    @Test
    void duplicateIdPointsAtTheFirstUse() {
        String yaml = """
                sources:
                  - id: stripe
                    type: greenhouse
                    board: stripe
                  - id: stripe
                    type: lever
                    site: stripe
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "sources[1].id: duplicate id 'stripe' (first used at line 2); ids must be unique (line 5)");
    }

    @Test
    void idMustBeLowerCaseAndPresent() {
        assertThat(problems(
                        "sources:\n  - { id: Stripe_EU, type: greenhouse, board: s }\n  - { type: lever, site: x }\n"))
                .containsExactly(
                        "sources[0].id: 'Stripe_EU' may hold only lower-case letters, digits and - (e.g. 'stripe-eu') (line 2)",
                        "sources[1].id: required: a unique name such as 'stripe' (lower-case letters, digits and -) (line 3)");
    }

    @Test
    void malformedKeywordQuerySaysWhere() {
        String yaml = """
                routes:
                  - id: r
                    to: console
                    filter:
                      keywords: (ml OR ai
                """;

        assertThat(problems(yaml))
                .containsExactly("routes[0].filter.keywords: bad keyword query: missing ')' at the end (line 5)");
    }

    @Test
    void badRemoteValueListsTheChoices() {
        assertThat(problems("routes:\n  - id: r\n    to: console\n    filter: { remote: sometimes }\n"))
                .containsExactly("routes[0].filter.remote: 'sometimes' is not one of: any | only | exclude (line 4)");
    }

    @Test
    void startYearsAreCheckedItemByItem() {
        String yaml = """
                routes:
                  - id: r
                    to: console
                    filter:
                      startYears:
                        - 2026
                        - 26
                        - next
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "routes[0].filter.startYears[1]: start year 26 is out of range 2000..2100 (line 7)",
                        "routes[0].filter.startYears[2]: must be a whole number, not 'next' (line 8)");
    }

    @Test
    void missingVariableNamesPathAndVariable() {
        String yaml = """
                sources:
                  - id: a
                    type: greenhouse
                    board: ${GH_BOARD}
                  - id: b
                    type: greenhouse
                    board: ${OTHER_BOARD}
                """;

        assertThat(problems(yaml))
                .containsExactly("sources[1].board: environment variable OTHER_BOARD is not set; "
                        + "set it, or give a default: ${OTHER_BOARD:-value} (line 7)");
    }

    @Test
    void reportsEveryProblemAtOnceInLineOrder() {
        String yaml = """
                polling: { interval: 5x, maxBodySize: lots }
                sources:
                  - { id: a, type: greenhouse }
                  - { id: a, type: nope }
                routes:
                  - { id: r, to: pager }
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "polling.interval: bad duration '5x'; write one e.g. 30s, 15m, 6h, 30d, 1h30m or PT15M (line 1)",
                        "polling.maxBodySize: bad size 'lots'; write one such as 512KB, 32MB, 1GB or a number of bytes (line 1)",
                        "sources[0].board: required for type greenhouse (line 3)",
                        "sources[1].id: duplicate id 'a' (first used at line 3); ids must be unique (line 4)",
                        "sources[1].type: unknown type 'nope'; expected one of: greenhouse, lever, simplify (line 4)",
                        "routes[0].to: unknown target 'pager'; use console, discord:channel/<id>, slack:<webhook URL>,"
                                + " discord-webhook:<webhook URL> or webhook:<URL> (line 6)");
    }

    @Test
    void secretsNeverAppearInMessages() {
        String yaml = """
                storage: { url: 'oops', password: '${DB_PASSWORD}' }
                sources:
                  - { id: l, type: lever, site: x, region: '${DB_PASSWORD}' }
                routes:
                  - { id: r, to: '${SLACK_HOOK}' }
                  - { id: s, to: 'webhook:https://example.com/hook/abc123secret' }
                """;

        ConfigException e = exception(yaml);

        assertThat(e.getMessage())
                .doesNotContain("s3cret-pass", "xyzzy", "abc123secret")
                .contains("sources[0].region: region must be us or eu, not '***' (line 3)")
                .contains("routes[0].to: target 'https://hooks.slack.com/...' needs its kind before the URL:"
                        + " slack:<URL>, discord-webhook:<URL> or webhook:<URL> (line 5)");
    }

    @Test
    void webhookTargetsAreCheckedForSchemeHostAndShapeWithoutPrintingTheirSecrets() {
        String yaml = """
                routes:
                  - { id: a, to: 'slack:T000/B000/sekrit1' }
                  - { id: b, to: 'slack:http://hooks.slack.com/services/T1/B1/sekrit2' }
                  - { id: c, to: 'slack:https://hooks.example.com/services/T1/B1/sekrit3' }
                  - { id: d, to: 'discord-webhook:https://discord.com/api/webhooks/abc/sekrit4' }
                  - { id: e, to: 'webhook:ftp://relay.example/sekrit5' }
                  - { id: f, to: 'slack:' }
                  - { id: g, to: 'webhook:https://relay.example/in', secret: '' }
                  - { id: h, to: console, secret: sekrit6 }
                  - { id: ok1, to: 'slack:https://hooks.slack.com/services/T0001/B0001/sekrit7' }
                  - { id: ok2, to: 'discord-webhook:https://discord.com/api/webhooks/123/sek-rit8' }
                  - { id: ok3, to: 'webhook:http://127.0.0.1:9/any/path', secret: sekrit9 }
                  - { id: ok4, to: 'slack:http://localhost:8080/whatever' }
                """;

        List<String> problems = problems(yaml);

        assertThat(problems)
                .containsExactly(
                        "routes[0].to: target 'slack:...' must be a Slack incoming webhook URL such as"
                                + " https://hooks.slack.com/services/T…/B…/… (line 2)",
                        "routes[1].to: target 'slack:http://hooks.slack.com/...' must use https: plain http is"
                                + " allowed only to this machine (127.0.0.1, localhost), where nothing crosses a network"
                                + " (line 3)",
                        "routes[2].to: target 'slack:https://hooks.example.com/...' is not a Slack incoming webhook URL"
                                + " such as https://hooks.slack.com/services/T…/B…/…; copy the whole URL the Slack"
                                + " app's Incoming Webhooks page gives (line 4)",
                        "routes[3].to: target 'discord-webhook:https://discord.com/...' is not a Discord webhook URL"
                                + " such as https://discord.com/api/webhooks/<id>/<token>; copy the whole URL the"
                                + " channel's Integrations > Webhooks page gives (line 5)",
                        "routes[4].to: target 'webhook:ftp://relay.example/...' must be an https URL (or http to this"
                                + " machine: 127.0.0.1, localhost) (line 6)",
                        "routes[5].to: target 'slack:' needs a Slack incoming webhook URL such as"
                                + " https://hooks.slack.com/services/T…/B…/… after 'slack:' (is the environment variable"
                                + " it comes from, e.g. ${SLACK_WEBHOOK_URL}, set?) (line 7)",
                        "routes[6].secret: is empty; set it (secret: ${WEBHOOK_SECRET}) or remove the key (line 8)",
                        "routes[7].secret: only a webhook:<URL> target signs its bodies with a secret; remove the key"
                                + " (line 9)");
        assertThat(String.join("\n", problems)).doesNotContain("sekrit");
    }

    @Test
    void twoRoutesToOneWebhookUrlMustShareItsSecret() {
        String yaml = """
                routes:
                  - { id: jobs, to: 'webhook:https://relay.example/in/t0ken', secret: sekrit1 }
                  - { id: same, to: 'webhook:https://relay.example/in/t0ken', secret: sekrit1 }
                  - { id: other, to: 'webhook:https://relay.example/in/t0ken', secret: sekrit2 }
                  - { id: none, to: 'webhook:https://relay.example/in/t0ken' }
                  - { id: elsewhere, to: 'webhook:https://relay.example/in/another', secret: sekrit2 }
                """;

        List<String> problems = problems(yaml);

        assertThat(problems)
                .containsExactly(
                        "routes[2].secret: route other sends to webhook:https://relay.example/... as route jobs does,"
                                + " with another secret (or none): an endpoint checks one secret; give both routes the"
                                + " same secret (line 4)",
                        "routes[3].secret: route none sends to webhook:https://relay.example/... as route jobs does,"
                                + " with another secret (or none): an endpoint checks one secret; give both routes the"
                                + " same secret (line 5)");
        assertThat(String.join("\n", problems)).doesNotContain("sekrit", "t0ken");
    }

    @Test
    void wrongKindsOfValuesAreProblemsNotCrashes() {
        String yaml = """
                storage: [a, b]
                polling:
                  interval: [15m]
                sources:
                  id: a
                routes:
                  - just-a-string
                  - id: [r]
                    to: console
                    filter:
                      locations: Singapore
                      includeUnknownYear: maybe
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "storage: must be a mapping of keys, not a list (line 1)",
                        "polling.interval: must be text, not a list (line 3)",
                        "sources: must be a list of sources such as - { id: stripe, type: greenhouse, board: stripe }, "
                                + "not a mapping (line 5)",
                        "routes[0]: must be a mapping such as - { id: everything, to: console }, not text (line 7)",
                        "routes[1].id: must be text, not a list (line 8)",
                        "routes[1].filter.locations: must be a list such as [Singapore, Remote], not text (line 11)",
                        "routes[1].filter.includeUnknownYear: must be true or false, not 'maybe' (line 12)");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertThat(problems("- a\n- b\n"))
                .containsExactly(
                        "must be a mapping with the keys storage, polling, sources, routes, discord, http, not a list (line 1)");
    }

    @Test
    void yamlSyntaxErrorHasALine() {
        ConfigException e = exception("sources:\n  - id: a\n    type: [greenhouse\n");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML: ");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void duplicateKeysAreProblemsAndTheRestIsStillChecked() {
        assertThat(problems("polling:\n  interval: 15m\n  interval: 20m\nsourcs: []\n"))
                .containsExactly(
                        "polling.interval: duplicate key 'interval' (first at line 2); keep only one (line 3)",
                        "sourcs: unknown key 'sourcs'; expected one of: storage, polling, sources, routes, discord, http (line 4)");
    }

    @Test
    void aliasesAreRefused() {
        assertThat(problems("sources:\n  - &gh { id: a, type: greenhouse, board: a }\n  - *gh\n"))
                .contains("sources[1]: YAML aliases (*name) are not supported; write the value out (line 3)");
    }

    @Test
    void secondDocumentIsRefused() {
        assertThat(problems("polling: {}\n---\nsources: []\n"))
                .containsExactly(
                        "only one YAML document is allowed; a second one starts here (remove the '---' above it) (line 3)");
    }

    @Test
    void secretsOfTypeSpecificKeysAreMaskedEvenWhenAChecksEchoesThem() {
        SourceTypeSpec withToken = new SourceTypeSpec() {
            @Override
            public String type() {
                return "private";
            }

            @Override
            public java.util.Set<String> requiredKeys() {
                return java.util.Set.of("apiToken");
            }

            @Override
            public java.util.Set<String> optionalKeys() {
                return java.util.Set.of();
            }

            @Override
            public List<Problem> check(SourceConfig source) {
                return List.of(new Problem("apiToken", "token " + source.requiredSetting("apiToken") + " is revoked"));
            }
        };
        ConfigLoader withSecrets = new ConfigLoader(
                Map.of("private", withToken), PARENTHESES, Map.of("API_TOKEN_VALUE", "tok-12345")::get);
        String yaml = "sources:\n  - { id: p, type: private, apiToken: '${API_TOKEN_VALUE}' }\n"
                + "  - { id: q, type: private, apiToken: literal-9876 }\n"
                + "  - { id: r, type: private, apiToken: '${MISSING_TOKEN}' }\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> withSecrets.parse(yaml, "tern.yml"));

        assertThat(e.getMessage())
                .doesNotContain("tok-12345", "literal-9876")
                .contains("sources[0].apiToken: token *** is revoked (line 2)")
                .contains("sources[1].apiToken: token *** is revoked (line 3)")
                .contains("sources[2].apiToken: environment variable MISSING_TOKEN is not set");
    }

    @Test
    void cronIsValidatedAndExclusiveWithInterval() {
        String yaml = """
                sources:
                  - { id: a, type: greenhouse, board: a, cron: 'not a cron' }
                  - { id: b, type: greenhouse, board: b, cron: '0 0 * * * ?', interval: 1h }
                  - { id: c, type: greenhouse, board: c, cron: '*/10 * * * * ?' }
                """;

        List<String> problems = problems(yaml);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0))
                .startsWith("sources[0].cron: invalid cron expression 'not a cron': ")
                .endsWith("(line 2)");
        assertThat(problems.get(1)).isEqualTo("sources[1].cron: set either interval or cron, not both (line 3)");
        assertThat(problems.get(2)).startsWith("sources[2].cron: this cron expression fires more than once a minute");
    }

    @Test
    void baseUrlMustBeHttp() {
        assertThat(problems("sources:\n  - { id: a, type: greenhouse, board: a, baseUrl: 'ftp://x' }\n"))
                .containsExactly("sources[0].baseUrl: 'ftp://x' is not an http(s) URL; write one such as "
                        + "https://api.example.com (line 2)");
    }

    @Test
    void typeChecksAreReportedAtTheirKey() {
        String yaml = """
                sources:
                  - id: l
                    type: lever
                    site: acme
                    region: mars
                """;

        assertThat(problems(yaml)).containsExactly("sources[0].region: region must be us or eu, not 'mars' (line 5)");
    }

    @Test
    void emptyRequiredKeyIsReported() {
        assertThat(problems("sources:\n  - id: a\n    type: greenhouse\n    board:\n"))
                .containsExactly("sources[0].board: required for type greenhouse; it is empty (line 4)");
    }

    @Test
    void nestedListItemsAndKeysHaveTheirOwnLines() {
        String yaml = """
                # a comment

                routes:
                  - id: one
                    to: console

                  # another comment
                  - id: two
                    to: console
                    filter:
                      companies:
                        - Acme
                        - [nested]
                """;

        assertThat(problems(yaml)).containsExactly("routes[1].filter.companies[1]: must be text, not a list (line 13)");
    }

    private List<String> problems(String yaml) {
        return exception(yaml).problems().stream().map(ConfigProblem::format).toList();
    }

    private ConfigException exception(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "tern.yml"));
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e;
    }
}

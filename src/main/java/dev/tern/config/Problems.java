package dev.tern.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects every problem of one load, so all are reported at once, and keeps secret values out of them: any value
 * registered as a secret is masked in every message before the problems leave the loader.
 */
final class Problems {

    /** Shorter secrets are not masked, so that masking cannot garble ordinary words of a message. */
    private static final int MIN_MASKED_LENGTH = 4;

    private static final String MASK = "***";
    private static final List<String> SENSITIVE_WORDS = List.of("token", "password", "secret", "webhook");

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> secrets = new HashSet<>();

    /** Whether a key or variable name says its value is a secret (token, password, secret, webhook). */
    static boolean isSensitive(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SENSITIVE_WORDS.stream().anyMatch(lower::contains);
    }

    void add(String path, int line, String message) {
        problems.add(new ConfigProblem(path, line, message));
    }

    /** Remembers a value that must never appear in a message. */
    void secret(String value) {
        if (value != null && value.length() >= MIN_MASKED_LENGTH) {
            secrets.add(value);
        }
    }

    /** How many problems so far; compare two counts to see whether a step found any. */
    int count() {
        return problems.size();
    }

    /** Throws every problem, in line order with secrets masked, if there is any. */
    void throwIfAny(String fileName) throws ConfigException {
        if (problems.isEmpty()) {
            return;
        }
        List<ConfigProblem> masked = problems.stream()
                .map(p -> new ConfigProblem(mask(p.path()), p.line(), mask(p.message())))
                .sorted(Comparator.comparingInt(ConfigProblem::line))
                .toList();
        throw new ConfigException(fileName, masked);
    }

    private String mask(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}

package dev.tern.source.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of one robots.txt for one crawler (RFC 9309): the group naming the crawler, else the {@code *} group;
 * the longest matching rule wins and {@code Allow} wins a tie; {@code *} and a final {@code $} are understood.
 */
public final class RobotsRules {

    /** Rules that allow everything: no robots.txt, or one that says nothing about us. */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Reads robots.txt text for the crawler whose product token is {@code agent} (e.g. "Tern"). */
    public static RobotsRules parse(String text, String agent) {
        List<Rule> mine = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        boolean sawMine = false;
        List<String> groupAgents = new ArrayList<>();
        boolean inRules = false;
        for (String rawLine : text.split("\\R")) {
            String line = rawLine.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("user-agent")) {
                if (inRules) {
                    groupAgents.clear();
                    inRules = false;
                }
                groupAgents.add(value.toLowerCase(Locale.ROOT));
                sawMine |= value.equalsIgnoreCase(agent);
            } else if (field.equals("allow") || field.equals("disallow")) {
                inRules = true;
                if (value.isEmpty()) {
                    continue;
                }
                Rule rule = new Rule(field.equals("allow"), value);
                if (groupAgents.contains(agent.toLowerCase(Locale.ROOT))) {
                    mine.add(rule);
                }
                if (groupAgents.contains("*")) {
                    anyone.add(rule);
                }
            }
        }
        return new RobotsRules(sawMine ? mine : anyone);
    }

    /** Whether the crawler may fetch {@code pathAndQuery} (starting with "/"). */
    public boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.matches(pathAndQuery)
                    && (best == null
                            || rule.length() > best.length()
                            || rule.length() == best.length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /** One Allow or Disallow line. */
    private record Rule(boolean allow, String path, Pattern pattern) {
        Rule(boolean allow, String path) {
            this(allow, path, toPattern(path));
        }

        int length() {
            return path.length();
        }

        boolean matches(String pathAndQuery) {
            return pattern.matcher(pathAndQuery).lookingAt();
        }

        private static Pattern toPattern(String path) {
            boolean anchored = path.endsWith("$");
            String body = anchored ? path.substring(0, path.length() - 1) : path;
            String regex =
                    Arrays.stream(body.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            return Pattern.compile(regex + (anchored ? "$" : ""));
        }
    }
}

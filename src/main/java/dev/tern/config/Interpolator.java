package dev.tern.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in a YAML value with values from the environment, as a
 * shell would ({@code :-} also applies to a variable set to nothing). <code>$${</code> writes a literal
 * <code>${</code>.
 */
final class Interpolator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String DEFAULT_SEPARATOR = ":-";

    private final Function<String, String> env;

    Interpolator(Function<String, String> env) {
        this.env = env;
    }

    /**
     * The value with every reference resolved.
     *
     * @param value the resolved text
     * @param interpolated whether any reference was replaced
     * @param sensitive whether a replaced variable's name says it holds a secret
     */
    record Resolved(String value, boolean interpolated, boolean sensitive) {}

    /**
     * Resolves every reference in {@code raw}.
     *
     * @throws IllegalArgumentException naming each variable that is not set, or a malformed reference; never a value
     */
    Resolved resolve(String raw) {
        if (!raw.contains("${")) {
            return new Resolved(raw, false, false);
        }
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        boolean sensitive = false;
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += "$${".length();
            } else if (raw.startsWith("${", i)) {
                int end = raw.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'${' without a closing '}'; write ${NAME} or ${NAME:-default}");
                }
                String reference = raw.substring(i + 2, end);
                String name = nameOf(reference);
                sensitive |= Problems.isSensitive(name);
                String value = lookup(name, reference);
                if (value == null) {
                    missing.add(name);
                } else {
                    out.append(value);
                }
                i = end + 1;
            } else {
                out.append(raw.charAt(i++));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missingMessage(missing));
        }
        return new Resolved(out.toString(), true, sensitive);
    }

    private static String nameOf(String reference) {
        int separator = reference.indexOf(DEFAULT_SEPARATOR);
        String name = separator < 0 ? reference : reference.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'${" + name + "}' is not a variable reference; write ${NAME} or "
                    + "${NAME:-default} with letters, digits and _ in NAME");
        }
        return name;
    }

    private String lookup(String name, String reference) {
        int separator = reference.indexOf(DEFAULT_SEPARATOR);
        String value = env.apply(name);
        if (separator < 0) {
            return value;
        }
        boolean unsetOrEmpty = value == null || value.isEmpty();
        return unsetOrEmpty ? reference.substring(separator + DEFAULT_SEPARATOR.length()) : value;
    }

    private static String missingMessage(List<String> missing) {
        String names = String.join(", ", missing);
        String first = missing.getFirst();
        return "environment variable " + names + (missing.size() == 1 ? " is" : " are")
                + " not set; set it, or give a default: ${" + first + ":-value}";
    }
}

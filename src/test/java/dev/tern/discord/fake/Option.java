package dev.tern.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One option of a slash command as the user filled it in, typed as Discord sends it; subcommands and groups nest
 * their own options.
 *
 * @param name the option name
 * @param type Discord's option type ({@link #STRING}, {@link #INTEGER}, ...)
 * @param value the value (String, Long, Boolean or Double), null for a subcommand or group
 * @param options the nested options of a subcommand or group, empty otherwise
 * @param focused whether this is the option being typed (autocomplete)
 */
public record Option(String name, int type, Object value, List<Option> options, boolean focused) {

    public static final int SUB_COMMAND = 1;
    public static final int SUB_COMMAND_GROUP = 2;
    public static final int STRING = 3;
    public static final int INTEGER = 4;
    public static final int BOOLEAN = 5;
    public static final int NUMBER = 10;

    public Option {
        options = List.copyOf(options);
    }

    public static Option string(String name, String value) {
        return new Option(name, STRING, value, List.of(), false);
    }

    public static Option integer(String name, long value) {
        return new Option(name, INTEGER, value, List.of(), false);
    }

    public static Option bool(String name, boolean value) {
        return new Option(name, BOOLEAN, value, List.of(), false);
    }

    public static Option number(String name, double value) {
        return new Option(name, NUMBER, value, List.of(), false);
    }

    public static Option subcommand(String name, Option... options) {
        return new Option(name, SUB_COMMAND, null, List.of(options), false);
    }

    public static Option group(String name, Option... subcommands) {
        return new Option(name, SUB_COMMAND_GROUP, null, List.of(subcommands), false);
    }

    /** This option (or, searched in depth, the nested one named {@code focusedName}) marked as being typed. */
    Option focus(String focusedName) {
        if (name.equals(focusedName) && value != null) {
            return new Option(name, type, value, options, true);
        }
        return new Option(
                name,
                type,
                value,
                options.stream().map(o -> o.focus(focusedName)).toList(),
                focused);
    }

    boolean containsFocus() {
        return focused || options.stream().anyMatch(Option::containsFocus);
    }

    ObjectNode toJson() {
        ObjectNode json = FakeJson.object().put("name", name).put("type", type);
        switch (value) {
            case null -> {}
            case String s -> json.put("value", s);
            case Long l -> json.put("value", l);
            case Boolean b -> json.put("value", b);
            case Double d -> json.put("value", d);
            default -> throw new IllegalArgumentException("option " + name + " has an unsupported value " + value);
        }
        if (focused) {
            json.put("focused", true);
        }
        if (value == null) {
            ArrayNode nested = json.putArray("options");
            options.forEach(o -> nested.add(o.toJson()));
        }
        return json;
    }
}

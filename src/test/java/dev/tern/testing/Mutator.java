package dev.tern.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutates a valid document (a fixture, a config file) into the kinds of broken ones the world sends: cut short,
 * spans deleted or repeated, hostile tokens inserted, bytes flipped, invalid UTF-8, and, for JSON, a value
 * replaced by another type or a hostile value (so the document still parses and the reader's field handling is
 * what gets tested). Each mutant names its kinds, so a test can count them.
 */
public final class Mutator {

    /** One mutated document and the mutations that made it, joined with '+'. */
    public record Mutant(String kinds, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_MUTATIONS = 3;
    private static final int DEEP = 5_000;

    /** Tokens that break parsers or confuse readers, whatever the format. */
    private static final List<String> TOKENS = List.of(
            "{",
            "}",
            "[",
            "]",
            "\"",
            "'",
            ",",
            ":",
            "<",
            ">",
            "</",
            "<!--",
            "]]>",
            "<![CDATA[",
            "&",
            "&amp;",
            "&#0;",
            "&#xD800;",
            "&unknown;",
            "\\",
            "\\u0000",
            "\\ud800",
            "null",
            "-1",
            "1e999999",
            "NaN",
            "\u0000",
            "\n",
            "\t",
            "\r",
            "\uFEFF",
            "\uFFFD",
            "<script>",
            "${UNSET}",
            "${",
            "*a",
            "&a",
            "!!binary",
            "---",
            "...",
            "#",
            "- ",
            "?",
            "|",
            "%",
            "@everyone",
            "\u202E",
            "🚀");
    /** Values a field may be given instead of the one it expects. */
    private static final List<JsonNode> JSON_VALUES = List.of(
            NODES.nullNode(),
            NODES.textNode(""),
            NODES.textNode(" "),
            NODES.numberNode(-1),
            NODES.numberNode(0),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(1e308),
            NODES.booleanNode(true),
            NODES.arrayNode(),
            NODES.objectNode(),
            NODES.textNode("not a date"),
            NODES.textNode("2026-13-45T99:99:99Z"),
            NODES.textNode("javascript:alert(1)"),
            NODES.textNode("http://"),
            NODES.textNode("//no-scheme.example/x"),
            NODES.textNode("@everyone **Intern** <@123>"),
            NODES.textNode("\u0000"),
            NODES.textNode("x".repeat(100_000)),
            NODES.arrayNode().add(NODES.nullNode()),
            NODES.textNode("🚀"),
            NODES.numberNode(1.5));

    private Mutator() {}

    /** One to three mutations of {@code original}, any kind; JSON-aware ones too when {@code json}. */
    public static Mutant mutate(byte[] original, boolean json, Random random) {
        byte[] bytes = original;
        List<String> kinds = new ArrayList<>();
        int count = 1 + random.nextInt(MAX_MUTATIONS);
        for (int i = 0; i < count; i++) {
            String kind = kind(json, random);
            bytes = apply(kind, bytes, random);
            kinds.add(kind);
        }
        return new Mutant(String.join("+", kinds.stream().sorted().toList()), bytes);
    }

    private static String kind(boolean json, Random random) {
        List<String> kinds = new ArrayList<>(List.of(
                "truncate",
                "delete-span",
                "repeat-span",
                "insert-token",
                "flip-bytes",
                "invalid-utf8",
                "swap-lines",
                "empty",
                "deep-nesting"));
        if (json) {
            kinds.addAll(List.of("json-replace-value", "json-replace-value", "json-drop-field", "json-repeat-item"));
        }
        return HostileText.pick(kinds, random);
    }

    private static byte[] apply(String kind, byte[] bytes, Random random) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
        return switch (kind) {
            case "truncate" -> Arrays.copyOf(bytes, at);
            case "delete-span" -> splice(bytes, at, Math.min(bytes.length, at + random.nextInt(200)), new byte[0]);
            case "repeat-span" -> repeatSpan(bytes, at, random);
            case "insert-token" -> splice(bytes, at, at, utf8(HostileText.pick(TOKENS, random)));
            case "flip-bytes" -> flip(bytes, random);
            case "invalid-utf8" ->
                splice(bytes, at, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED});
            case "swap-lines" -> swapLines(bytes, random);
            case "empty" -> random.nextBoolean() ? new byte[0] : utf8(" \n");
            case "deep-nesting" ->
                splice(
                        bytes,
                        at,
                        at,
                        utf8(HostileText.pick(List.of("[", "{\"a\":", "<a>"), random)
                                .repeat(DEEP)));
            case "json-replace-value" -> jsonTree(bytes, random, Mutator::replaceValue);
            case "json-drop-field" -> jsonTree(bytes, random, Mutator::dropField);
            case "json-repeat-item" -> jsonTree(bytes, random, Mutator::repeatItem);
            default -> throw new IllegalArgumentException("no mutation " + kind);
        };
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, from);
        out.writeBytes(insert);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    private static byte[] repeatSpan(byte[] bytes, int at, Random random) {
        int end = Math.min(bytes.length, at + 1 + random.nextInt(300));
        byte[] span = Arrays.copyOfRange(bytes, at, end);
        ByteArrayOutputStream copies = new ByteArrayOutputStream();
        for (int i = 0, n = 2 + random.nextInt(50); i < n; i++) {
            copies.writeBytes(span);
        }
        return splice(bytes, at, at, copies.toByteArray());
    }

    private static byte[] flip(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        for (int i = 0, n = 1 + random.nextInt(8); i < n && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] swapLines(byte[] bytes, Random random) {
        List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        if (lines.size() > 1) {
            int a = random.nextInt(lines.size());
            int b = random.nextInt(lines.size());
            String line = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, line);
        }
        return utf8(String.join("\n", lines));
    }

    /** Applies {@code change} to a random container of the parsed document; leaves unparsable bytes as they are. */
    private static byte[] jsonTree(byte[] bytes, Random random, TreeChange change) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            return bytes;
        }
        if (!(root instanceof ContainerNode<?>)) {
            return bytes;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return bytes;
        }
        change.apply(HostileText.pick(containers, random), random);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a mutated JSON tree", e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode() && !node.isEmpty()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static void replaceValue(JsonNode container, Random random) {
        JsonNode value = HostileText.pick(JSON_VALUES, random).deepCopy();
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(HostileText.pick(names, random), value);
        } else if (container instanceof ArrayNode array) {
            array.set(random.nextInt(array.size()), value);
        }
    }

    private static void dropField(JsonNode container, Random random) {
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.remove(HostileText.pick(names, random));
        } else if (container instanceof ArrayNode array) {
            array.remove(random.nextInt(array.size()));
        }
    }

    private static void repeatItem(JsonNode container, Random random) {
        if (container instanceof ArrayNode array) {
            JsonNode item = array.get(random.nextInt(array.size()));
            for (int i = 0, n = 1 + random.nextInt(200); i < n; i++) {
                array.add(item.deepCopy());
            }
        } else {
            replaceValue(container, random);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface TreeChange {
        void apply(JsonNode container, Random random);
    }
}

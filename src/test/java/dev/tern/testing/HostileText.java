package dev.tern.testing;

import java.util.List;
import java.util.Random;

/**
 * Text a user (or a source) might send that a program must survive: empty, blank, huge, unicode, control
 * characters, mentions, Markdown, {@code @everyone}, and broken keyword queries. Each value comes with its kind, so
 * a test can count what it tried.
 */
public final class HostileText {

    /** Longer than any limit Tern or Discord has on one text. */
    public static final int HUGE = 10_000;

    /** The kinds, in the order {@link #any} picks from. */
    public static final List<String> KINDS = List.of(
            "empty", "blank", "huge", "unicode", "control", "mention", "everyone", "markdown", "broken-query", "mixed");

    private static final List<String> UNICODE = List.of(
            "Zürich",
            "東京",
            "Москва",
            "🚀 intern 🚀",
            "👩🏽‍💻",
            "e\u0301",
            "\u202Egnp.exe",
            "עברית",
            "ﷺ",
            "𝔪𝔩",
            "\uFEFFml",
            "Ⅻ",
            "ß",
            "İstanbul",
            "\u00A0ml\u00A0");
    private static final List<String> CONTROL = List.of(
            "\u0000",
            "ml\u0000ai",
            "\n",
            "line\nbreak",
            "\r\n",
            "\t",
            "\u0007",
            "\u001B[31mred",
            "\u007F",
            "\u200B",
            "\u2028",
            "\u0085",
            "a\u0000\u0000\u0000");
    private static final List<String> MENTION = List.of(
            "<@123456789012345678>",
            "<@!123456789012345678>",
            "<@&123456789012345678>",
            "<#123456789012345678>",
            "@here",
            "<:emoji:123456789012345678>",
            "</subscribe:1>",
            "<t:0:R>",
            "@someone");
    private static final List<String> EVERYONE =
            List.of("@everyone", "@\u200Beveryone", "@everyone @here", "＠everyone");
    private static final List<String> MARKDOWN = List.of(
            "**bold**",
            "__under__",
            "~~gone~~",
            "||spoiler||",
            "`code`",
            "```block```",
            "> quote",
            "# Heading",
            "[link](https://evil.example)",
            "*",
            "\\",
            "_",
            "-# small",
            "![img](x)",
            "***",
            "`",
            "[",
            "](");
    private static final List<String> BROKEN_QUERY = List.of(
            "(ml OR ai",
            "ml OR",
            "OR",
            "AND",
            "NOT",
            "-",
            "--",
            "\"unclosed",
            "\"\"",
            "()",
            ")(",
            "ml)",
            "((((((((((((((((((((ml",
            "ml OR OR ai",
            "-\"\"",
            "a AND AND b",
            "NOT NOT",
            "\"",
            "(\"ml\" OR -)",
            "*",
            "ml*",
            "~",
            "!ml");

    private HostileText() {}

    /** A value of kind {@code kind} (one of {@link #KINDS}). */
    public static String of(String kind, Random random) {
        return switch (kind) {
            case "empty" -> "";
            case "blank" -> " ".repeat(1 + random.nextInt(5)) + (random.nextBoolean() ? "\t" : "");
            case "huge" -> huge(random);
            case "unicode" -> pick(UNICODE, random);
            case "control" -> pick(CONTROL, random);
            case "mention" -> pick(MENTION, random);
            case "everyone" -> pick(EVERYONE, random);
            case "markdown" -> pick(MARKDOWN, random);
            case "broken-query" -> pick(BROKEN_QUERY, random);
            case "mixed" ->
                of(pick(KINDS.subList(3, KINDS.size() - 1), random), random) + " "
                        + of(pick(KINDS.subList(3, KINDS.size() - 1), random), random);
            default -> throw new IllegalArgumentException("no hostile text of kind " + kind);
        };
    }

    /** A kind picked at random. */
    public static String anyKind(Random random) {
        return pick(KINDS, random);
    }

    public static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String huge(Random random) {
        String unit = pick(List.of("a", "ml ", "🚀", "**", "@everyone ", "(", "\u0000"), random);
        int length = 100 + random.nextInt(HUGE);
        return unit.repeat(Math.max(1, length / unit.length()));
    }
}

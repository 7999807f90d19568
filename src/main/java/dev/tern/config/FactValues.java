package dev.tern.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and lists the written values of {@link Sponsorship}, {@link Degree} and {@link Category}. */
final class FactValues {

    private FactValues() {}

    static <E extends Enum<E>> E of(Class<E> type, String text, Function<E, String> value) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (value.apply(constant).equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of: " + allowed(type, value));
    }

    static <E extends Enum<E>> String allowed(Class<E> type, Function<E, String> value) {
        return Arrays.stream(type.getEnumConstants()).map(value).collect(Collectors.joining(" | "));
    }
}

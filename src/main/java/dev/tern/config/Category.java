package dev.tern.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of role a posting is, as postings carry it and filters accept it. It lives in the config stage, the
 * lowest one, because route filters name these values in YAML.
 */
public enum Category {
    SOFTWARE("software"),
    DATA_ML("data-ml"),
    QUANT("quant"),
    HARDWARE("hardware"),
    PRODUCT("product"),
    DESIGN("design"),
    BUSINESS("business"),
    OTHER("other");

    private final String value;

    Category(String value) {
        this.value = value;
    }

    /** The value as written in YAML, JSON and slash commands: "software", "data-ml", ... */
    @JsonValue
    public String value() {
        return value;
    }

    /** The value named by {@code text} (any case); IllegalArgumentException listing the allowed values. */
    @JsonCreator
    public static Category of(String text) {
        return FactValues.of(Category.class, text, Category::value);
    }

    /** The allowed values, for messages: "software | data-ml | ... | other". */
    public static String allowed() {
        return FactValues.allowed(Category.class, Category::value);
    }
}

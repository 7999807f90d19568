package dev.tern.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a posting says about visa sponsorship, as postings carry it and filters accept it. It lives in the config
 * stage, the lowest one, because route filters name these values in YAML.
 */
public enum Sponsorship {
    /** The employer sponsors visas. */
    OFFERED("offered"),
    /** The employer does not sponsor. */
    NONE("none"),
    /** Citizenship or a security clearance is required. */
    CITIZENS("citizens"),
    /** The posting does not say. */
    UNKNOWN("unknown");

    private final String value;

    Sponsorship(String value) {
        this.value = value;
    }

    /** The value as written in YAML, JSON and slash commands: "offered", "none", "citizens", "unknown". */
    @JsonValue
    public String value() {
        return value;
    }

    /** The value named by {@code text} (any case); IllegalArgumentException listing the allowed values. */
    @JsonCreator
    public static Sponsorship of(String text) {
        return FactValues.of(Sponsorship.class, text, Sponsorship::value);
    }

    /** The allowed values, for messages: "offered | none | citizens | unknown". */
    public static String allowed() {
        return FactValues.allowed(Sponsorship.class, Sponsorship::value);
    }
}

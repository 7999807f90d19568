package dev.tern.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A degree a posting accepts, as postings carry it and filters accept it. It lives in the config stage, the
 * lowest one, because route filters name these values in YAML.
 */
public enum Degree {
    BACHELOR("bachelor"),
    MASTER("master"),
    PHD("phd");

    private final String value;

    Degree(String value) {
        this.value = value;
    }

    /** The value as written in YAML, JSON and slash commands: "bachelor", "master", "phd". */
    @JsonValue
    public String value() {
        return value;
    }

    /** The value named by {@code text} (any case); IllegalArgumentException listing the allowed values. */
    @JsonCreator
    public static Degree of(String text) {
        return FactValues.of(Degree.class, text, Degree::value);
    }

    /** The allowed values, for messages: "bachelor | master | phd". */
    public static String allowed() {
        return FactValues.allowed(Degree.class, Degree::value);
    }
}

package dev.tern.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Picks the log format from {@code TERN_LOG_FORMAT} before the first line is logged: {@code text} (the default) or
 * {@code json}. logback.xml reads the choice from the system property {@value #PROPERTY}.
 */
public final class LogFormat {

    static final String PROPERTY = "tern.log.format";
    static final String TEXT = "text";
    static final String JSON = "json";

    private LogFormat() {}

    /**
     * Sets the property from the variable's value; anything but text or json is reported on {@code err} and logs
     * as text, so that a typo never silences the log.
     */
    public static void select(String variable, PrintStream err) {
        String value = variable == null ? "" : variable.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals(TEXT)) {
            System.setProperty(PROPERTY, TEXT);
        } else if (value.equals(JSON)) {
            System.setProperty(PROPERTY, JSON);
        } else {
            err.println("warning: TERN_LOG_FORMAT must be text or json, not '" + variable + "'; logging as text");
            System.setProperty(PROPERTY, TEXT);
        }
    }
}

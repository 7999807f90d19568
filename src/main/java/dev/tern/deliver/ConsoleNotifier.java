package dev.tern.deliver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.config.Target;
import java.io.PrintWriter;

/**
 * Prints alerts for the {@code console} target: a readable block per alert, or with JSON output one
 * {@code {"type":"alert",...}} line each, as {@code tern poll --json} promises.
 */
public final class ConsoleNotifier implements Notifier {

    public static final String TARGET = Target.Console.KEY;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;

    /**
     * @param out where alerts are printed (stdout)
     * @param json true for one JSON line per alert, false for readable text
     */
    public ConsoleNotifier(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public boolean handles(String target) {
        return TARGET.equals(target);
    }

    @Override
    public Receipt send(AlertMessage message) {
        for (Alert alert : message.alerts()) {
            out.println(json ? jsonLine(alert) : AlertText.format(alert));
        }
        out.flush();
        return Receipt.NONE;
    }

    /** The {@code alert} line of {@code tern poll --json}. */
    public static String jsonLine(String target, String route, String subscription, String key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "alert");
        node.put("target", target);
        node.put("route", route);
        node.put("subscription", subscription);
        node.put("key", key);
        return node.toString();
    }

    private static String jsonLine(Alert alert) {
        return jsonLine(
                alert.target(),
                alert.routeId(),
                alert.subscriptionId(),
                alert.posting().key());
    }
}

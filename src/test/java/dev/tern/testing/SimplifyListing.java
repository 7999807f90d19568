package dev.tern.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Simplify-style {@code listings.json} bodies for tests, entry by entry. */
public final class SimplifyListing {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> entries = new LinkedHashMap<>();

    /** Adds or replaces an active, visible entry. */
    public SimplifyListing add(String id, String company, String title, String location, Instant posted) {
        ObjectNode e = JSON.createObjectNode();
        e.put("source", "Simplify")
                .put("category", "Software")
                .put("company_name", company)
                .put("id", id);
        e.put("title", title).put("active", true).put("is_visible", true);
        e.putArray("terms").add("Summer 2027");
        e.put("date_posted", posted.getEpochSecond()).put("date_updated", posted.getEpochSecond());
        e.put("url", "https://careers.example/" + company.toLowerCase().replace(' ', '-') + "/" + id);
        e.putArray("locations").add(location);
        e.put("sponsorship", "Other");
        e.putArray("degrees");
        entries.put(id, e);
        return this;
    }

    public SimplifyListing active(String id, boolean active) {
        entries.get(id).put("active", active);
        return this;
    }

    public SimplifyListing visible(String id, boolean visible) {
        entries.get(id).put("is_visible", visible);
        return this;
    }

    public SimplifyListing remove(String id) {
        entries.remove(id);
        return this;
    }

    public String json() {
        ArrayNode array = JSON.createArrayNode();
        entries.values().forEach(array::add);
        return array.toString();
    }
}

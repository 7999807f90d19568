package dev.tern.deliver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;

/** The JSON shape of a posting, as {@code tern poll --json}, {@code tern preview --json} and webhooks print it. */
public final class PostingJson {

    private PostingJson() {}

    /**
     * Fills the posting shape: type, source, key, company, title, locations, remote, term, startYear, url, postedAt,
     * sponsorship, degrees and category.
     */
    public static ObjectNode fill(ObjectNode node, String type, String source, Posting p) {
        node.put("type", type).put("source", source).put("key", p.key());
        node.put("company", p.company()).put("title", p.title());
        ArrayNode locations = node.putArray("locations");
        p.locations().stream().map(Location::display).forEach(locations::add);
        node.put("remote", p.remote());
        node.put("term", p.term() == null ? null : p.term().display());
        node.put("startYear", p.startYear());
        node.put("url", p.url());
        node.put("postedAt", p.postedAt() == null ? null : p.postedAt().toString());
        node.put("sponsorship", p.sponsorship().value());
        ArrayNode degrees = node.putArray("degrees");
        p.degrees().forEach(degree -> degrees.add(degree.value()));
        node.put("category", p.category() == null ? null : p.category().value());
        return node;
    }
}

package dev.tern.source.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-aware DOM lookups that ignore everything but elements. */
final class Dom {
    private Dom() {}

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element
                    && localName.equals(element.getLocalName())
                    && Objects.equals(namespace, element.getNamespaceURI())) {
                out.add(element);
            }
        }
        return out;
    }

    static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    static String text(Element parent, String namespace, String localName) {
        return text(child(parent, namespace, localName));
    }

    static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text;
    }
}

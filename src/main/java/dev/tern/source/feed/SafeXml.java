package dev.tern.source.feed;

import dev.tern.source.FetchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM with everything that reaches outside the document turned off: a DOCTYPE is refused
 * outright (so no entity, internal or external, is ever expanded), no external DTD or schema is loaded, no XInclude.
 */
final class SafeXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private SafeXml() {}

    /** The document, or a FetchException naming the URL and, for malformed XML, the line and column. */
    static Document parse(byte[] body, String url) throws FetchException {
        try {
            return newBuilder().parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            throw rejected(e, url);
        } catch (SAXException | IOException e) {
            throw new FetchException("cannot read the feed from " + url + ": " + e.getMessage(), e);
        }
    }

    private static FetchException rejected(SAXParseException e, String url) {
        String where = " at line " + e.getLineNumber() + ", column " + e.getColumnNumber();
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return new FetchException(
                    "refused the feed from " + url + ": it declares a DOCTYPE" + where + ", which"
                            + " Tern never processes (DOCTYPEs can define entities that read local files or other URLs);"
                            + " RSS and Atom feeds do not need one",
                    e);
        }
        return new FetchException(
                "malformed XML from " + url + where + ": " + message
                        + " (the feed is not well-formed XML; ask its owner to fix it)",
                e);
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL, false);
            factory.setFeature(EXTERNAL_PARAMETER, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new Silent());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature Tern needs", e);
        }
    }

    /** Turns every parse problem into an exception instead of printing "[Fatal Error]" to stderr. */
    private static final class Silent implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
            // warnings do not stop the parse and are not worth a log line per feed
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}

package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The JDK's SAX parser locked down for hostile input: no DOCTYPE at all (so no external entities and no
 * entity expansion bombs), no external DTDs or schemas, secure processing limits on. Office XML parts
 * never need a DOCTYPE.
 */
final class SecureXml {
    private static final SAXParserFactory FACTORY = newFactory();

    private SecureXml() {
    }

    private static SAXParserFactory newFactory() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser cannot be secured", e);
        }
        return f;
    }

    /** Parses {@code xml} into {@code handler}; a new parser per call because parsers are not thread-safe. */
    static void parse(byte[] xml, DefaultHandler handler) throws IOException, SAXException {
        SAXParser parser;
        try {
            synchronized (FACTORY) {
                parser = FACTORY.newSAXParser();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be created", e);
        }
        XMLReader reader = parser.getXMLReader();
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        reader.parse(new InputSource(new ByteArrayInputStream(xml)));
    }
}

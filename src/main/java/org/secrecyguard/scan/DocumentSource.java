package org.secrecyguard.scan;

import java.nio.file.Path;
import org.secrecyguard.extract.Document;
import org.secrecyguard.extract.ExtractionException;

/** Turns a file into text and pictures; the production implementation is extract.DocumentExtractor. */
@FunctionalInterface
public interface DocumentSource {
    Document extract(Path file) throws ExtractionException;
}

package org.secrecyguard.extract;

/**
 * What the content of a file turned out to be.
 *
 * @param format the extractor family
 * @param label  the name given to users and in {@link Document#format()}: "docx", "wps", "image/png", …
 */
record Sniffed(Format format, String label) {
}

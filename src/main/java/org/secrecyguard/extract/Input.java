package org.secrecyguard.extract;

/**
 * One file's bytes as handed to a format extractor.
 *
 * @param name  file name or archive entry path (for labels and container locations only)
 * @param bytes the content
 * @param label the sniffed format label ("docx", "wps", "image/png", …)
 */
record Input(String name, byte[] bytes, String label) {
}

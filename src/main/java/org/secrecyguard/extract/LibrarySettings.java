package org.secrecyguard.extract;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Process-wide settings of the parsing libraries. POI's zip safety limits are static, so the last
 * {@link DocumentExtractor} built sets them (our own checks in {@link ZipArchive} enforce each instance's
 * limits anyway). POI and PDFBox log recoverable oddities of damaged files at WARN/ERROR through
 * log4j-api and commons-logging, both routed to java.util.logging; those loggers are quietened unless
 * the application configured a level for them.
 */
final class LibrarySettings {
    // Strong references: java.util.logging keeps loggers weakly, a level set on a collected logger is lost.
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger("org.apache.pdfbox"),
            Logger.getLogger("org.apache.fontbox"),
            Logger.getLogger("org.apache.poi"),
            Logger.getLogger("org.apache.xmlbeans"));

    private LibrarySettings() {
    }

    static synchronized void apply(ExtractLimits limits) {
        for (Logger logger : QUIET) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.OFF);
            }
        }
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(limits.maxZipTotalBytes(), 0xFFFFFFFFL));
        ZipSecureFile.setMaxFileCount(limits.maxZipEntries());
    }
}

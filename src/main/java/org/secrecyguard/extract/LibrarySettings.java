package org.secrecyguard.extract;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Process-wide settings of the parsing libraries. POI's zip safety limits are static, so the last
 * {@link DocumentExtractor} built sets them, before the first non-text file is read (our own checks
 * in {@link ZipArchive} enforce each instance's limits anyway). POI and PDFBox log recoverable oddities of damaged files at WARN/ERROR through
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

    private static ExtractLimits wanted;   // guarded by the class: the limits of the last extractor built
    private static ExtractLimits applied;  // guarded by the class: the limits POI was last given

    static synchronized void apply(ExtractLimits limits) {
        for (Logger logger : QUIET) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.OFF);
            }
        }
        // POI's limits are set when a POI format is first read: loading ZipSecureFile pulls in much of
        // POI (~0.17 s), which a check of plain text files never needs.
        wanted = limits;
    }

    /** Gives POI the wanted limits; called before any format other than plain text is read. */
    static synchronized void beforeLibraries() {
        if (wanted == null || wanted == applied) {
            return;
        }
        ZipSecureFile.setMinInflateRatio(1.0 / wanted.maxCompressionRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(wanted.maxZipTotalBytes(), 0xFFFFFFFFL));
        ZipSecureFile.setMaxFileCount(wanted.maxZipEntries());
        applied = wanted;
    }
}

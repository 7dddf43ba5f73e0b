package org.secrecyguard.extract;

import java.io.IOException;

/**
 * Bomb checks for zip-based documents (OOXML, ODF, OFD) before a library inflates them: the entry count
 * and the declared sizes and ratios must be within the limits.
 */
final class ContainerChecks {
    private ContainerChecks() {
    }

    static void precheck(byte[] bytes, ExtractionContext ctx) throws ExtractionException, IOException {
        ExtractLimits limits = ctx.limits();
        try (ZipArchive zip = ZipArchive.open(bytes, limits.maxZipEntries())) {
            zip.checkDeclared(limits.maxZipTotalBytes(), limits.maxCompressionRatio());
        }
    }
}

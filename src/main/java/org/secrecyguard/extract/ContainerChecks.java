package org.secrecyguard.extract;

import java.io.IOException;
import java.util.Locale;

/**
 * Bomb checks for zip-based documents (OOXML, ODF, OFD) before a library inflates them: the entry count
 * and the declared sizes and ratios must be within the limits, and the unpacked parts must fit in the heap.
 */
final class ContainerChecks {
    private ContainerChecks() {
    }

    static void precheck(byte[] bytes, ExtractionContext ctx) throws ExtractionException, IOException {
        ExtractLimits limits = ctx.limits();
        try (ZipArchive zip = ZipArchive.open(bytes, limits.maxZipEntries())) {
            zip.checkDeclared(limits.maxZipTotalBytes(), limits.maxCompressionRatio());
            checkHeap(zip);
        }
    }

    /**
     * Refuses a package whose parts, unpacked, would take more than half the heap still free: POI holds
     * every part of an OOXML package in memory, so a 3 MB workbook of 45 MB XML would end in an
     * OutOfMemoryError in the resident app (-Xmx64m), which must never happen there. A clear error row
     * instead; the CLI with its larger default heap reads the same file.
     */
    private static void checkHeap(ZipArchive zip) throws ExtractionException {
        long unpacked = 0;
        for (ZipArchive.Entry e : zip.entries()) {
            if (!e.directory() && e.size() > 0) {
                unpacked += e.size();
            }
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (unpacked > free / 2) {
            throw new ExtractionException(ExtractionException.Reason.TOO_LARGE, String.format(Locale.ROOT,
                    "too large to check here: %,d MB unpacked, more than this program's memory allows",
                    Math.max(1, unpacked / (1024 * 1024))));
        }
    }
}

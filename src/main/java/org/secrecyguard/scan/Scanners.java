package org.secrecyguard.scan;

import java.util.function.Supplier;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.extract.ExtractLimits;

/** Builds the production scanner: the real extractor and, when asked for, OCR. */
public final class Scanners {
    private Scanners() {
    }

    /**
     * A scanner for files with the default limits.
     *
     * @param engines where the current engine snapshot comes from
     * @param ocr     whether pictures are read (false: they are listed as not checked)
     */
    public static Scanner forFiles(Supplier<Engine> engines, boolean ocr) {
        PictureChecker pictures = PictureChecker.none(ocr ? "OCR unavailable: not built yet" : "OCR switched off (--no-ocr)");
        DocumentSource source = new DocumentExtractor(ExtractLimits.defaults())::extract;
        return new Scanner(engines, source, pictures, ScanLimits.defaults());
    }
}

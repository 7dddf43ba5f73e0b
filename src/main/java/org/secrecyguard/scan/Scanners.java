package org.secrecyguard.scan;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.extract.ExtractLimits;
import org.secrecyguard.ocr.OcrConfig;
import org.secrecyguard.ocr.TesseractImageInspector;

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
        return forFiles(engines, ocr, null);
    }

    /**
     * As {@link #forFiles(Supplier, boolean)}, with Tesseract's language data looked up in
     * {@code tessdataDir} (null: TESSDATA_PREFIX, then the usual system folders).
     */
    public static Scanner forFiles(Supplier<Engine> engines, boolean ocr, Path tessdataDir) {
        PictureChecker pictures = ocr ? ocr(tessdataDir) : PictureChecker.none("OCR switched off (--no-ocr)");
        DocumentSource source = new DocumentExtractor(ExtractLimits.defaults())::extract;
        return new Scanner(engines, source, pictures, ScanLimits.defaults());
    }

    /** Tesseract with the default plan and budgets; says "OCR unavailable: …" when it cannot run here. */
    public static PictureChecker ocr(Path tessdataDir) {
        OcrConfig config = OcrConfig.defaults();
        if (tessdataDir != null) {
            config = config.withTessdataDir(tessdataDir);
        }
        return new OcrPictureChecker(new TesseractImageInspector(config));
    }
}

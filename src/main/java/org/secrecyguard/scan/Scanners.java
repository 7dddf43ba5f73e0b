package org.secrecyguard.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.extract.ExtractLimits;
import org.secrecyguard.ocr.OcrConfig;
import org.secrecyguard.ocr.TesseractImageInspector;

/** Builds the production scanner: the real extractor and, when asked for, OCR. */
public final class Scanners {
    /** Time for reading one picture's whole text when registering. */
    public static final Duration REGISTRATION_PICTURE_BUDGET = Duration.ofSeconds(60);
    /** Time for reading all pictures of one file when registering (a scanned PDF of some 50 pages). */
    public static final Duration REGISTRATION_FILE_BUDGET = Duration.ofMinutes(10);

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

    /**
     * A scanner for a one-shot pass over many files (the self-check): default limits but no result
     * cache, so no file is hashed just to key it (a SHA-256 of every file costs as much CPU as
     * {@code sha256sum} of the whole tree), and files are read and plain text decoded on the calling
     * thread (see {@link DocumentExtractor#extractOnCaller}); the workers that parse the other formats
     * are the scanner's own and run {@code workerStart} first (the self-check lowers them).
     */
    public static Scanner uncached(Supplier<Engine> engines, boolean ocr, Path tessdataDir, Runnable workerStart) {
        PictureChecker pictures = ocr ? ocr(tessdataDir) : PictureChecker.none("OCR switched off (--no-ocr)");
        DocumentSource source = new DocumentExtractor(ExtractLimits.defaults(), workerStart)::extractOnCaller;
        ScanLimits d = ScanLimits.defaults();
        return new Scanner(engines, source, pictures, new ScanLimits(d.maxFileBytes(), d.fileBudget(), 0));
    }

    /**
     * A reader of all the text of files, pictures included (through OCR when {@code ocr}), for
     * registering documents. Registration is an administrator's deliberate act, not a check on the
     * way out, so its budgets are wider than a scan's: {@link #REGISTRATION_PICTURE_BUDGET} per picture
     * (a whole photographed page takes seconds) and {@link #REGISTRATION_FILE_BUDGET} per file.
     *
     * @param tessdataDir Tesseract's language data, or null for the usual places
     */
    public static FileTextReader forText(boolean ocr, Path tessdataDir) {
        PictureChecker pictures = ocr ? ocr(OcrConfig.defaults().withBudgets(Duration.ofSeconds(3),
                REGISTRATION_PICTURE_BUDGET), tessdataDir) : PictureChecker.none("OCR switched off (--no-ocr)");
        ScanLimits limits = new ScanLimits(ScanLimits.defaults().maxFileBytes(), REGISTRATION_FILE_BUDGET, 0);
        return new FileTextReader(new DocumentExtractor(ExtractLimits.defaults())::extract, pictures, limits);
    }

    /** Tesseract with the default plan and budgets; says "OCR unavailable: …" when it cannot run here. */
    public static PictureChecker ocr(Path tessdataDir) {
        return ocr(OcrConfig.defaults(), tessdataDir);
    }

    private static PictureChecker ocr(OcrConfig config, Path tessdataDir) {
        if (tessdataDir != null) {
            config = config.withTessdataDir(tessdataDir);
        }
        return new OcrPictureChecker(new TesseractImageInspector(config));
    }
}

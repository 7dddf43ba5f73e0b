package org.secrecyguard.ocr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link TesseractImageInspector}.
 *
 * @param tessdataDir        folder holding {@code chi_sim.traineddata} etc., or null to look in the usual
 *                           places (TESSDATA_PREFIX, Debian/Ubuntu/UOS/Kylin package folders, a
 *                           {@code tessdata} folder next to the installed application)
 * @param languages          Tesseract languages, "chi_sim+eng"
 * @param workers            OCR threads, each with its own Tesseract handle (about 100 MB each)
 * @param headerBudget       time for reading the header band of one picture
 * @param totalBudget        time for everything OCR does with one picture; when used up, OCR stops
 *                           and the inspection says so
 * @param queueWait          longest wait for a free OCR thread before a picture is reported unread
 * @param bodyReading        when the whole page is read
 * @param cacheEntries       pictures whose results are remembered (by content hash), 0 for none
 * @param limitOpenMpThreads set OMP_THREAD_LIMIT=1 before Tesseract loads (unless already set): one
 *                           OpenMP thread per handle is faster on small machines and keeps
 *                           parallelism to the worker count
 */
public record OcrConfig(Path tessdataDir, String languages, int workers, Duration headerBudget,
                        Duration totalBudget, Duration queueWait, BodyReading bodyReading, int cacheEntries,
                        boolean limitOpenMpThreads) {
    public OcrConfig {
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(headerBudget, "headerBudget");
        Objects.requireNonNull(totalBudget, "totalBudget");
        Objects.requireNonNull(queueWait, "queueWait");
        Objects.requireNonNull(bodyReading, "bodyReading");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("cacheEntries must not be negative");
        }
    }

    /** chi_sim+eng, up to two workers, 3 s for the header, 8 s in all, AUTO body reading, 256 cached. */
    public static OcrConfig defaults() {
        int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return new OcrConfig(null, "chi_sim+eng", workers, Duration.ofSeconds(3), Duration.ofSeconds(8),
                Duration.ofSeconds(60), BodyReading.AUTO, 256, true);
    }

    public OcrConfig withTessdataDir(Path dir) {
        return new OcrConfig(dir, languages, workers, headerBudget, totalBudget, queueWait, bodyReading,
                cacheEntries, limitOpenMpThreads);
    }

    public OcrConfig withWorkers(int n) {
        return new OcrConfig(tessdataDir, languages, n, headerBudget, totalBudget, queueWait, bodyReading,
                cacheEntries, limitOpenMpThreads);
    }

    public OcrConfig withBudgets(Duration header, Duration total) {
        return new OcrConfig(tessdataDir, languages, workers, header, total, queueWait, bodyReading,
                cacheEntries, limitOpenMpThreads);
    }

    public OcrConfig withBodyReading(BodyReading reading) {
        return new OcrConfig(tessdataDir, languages, workers, headerBudget, totalBudget, queueWait, reading,
                cacheEntries, limitOpenMpThreads);
    }

    public OcrConfig withCacheEntries(int entries) {
        return new OcrConfig(tessdataDir, languages, workers, headerBudget, totalBudget, queueWait, bodyReading,
                entries, limitOpenMpThreads);
    }

    public OcrConfig withLimitOpenMpThreads(boolean limit) {
        return new OcrConfig(tessdataDir, languages, workers, headerBudget, totalBudget, queueWait, bodyReading,
                cacheEntries, limit);
    }

    public OcrConfig withLanguages(String langs) {
        return new OcrConfig(tessdataDir, langs, workers, headerBudget, totalBudget, queueWait, bodyReading,
                cacheEntries, limitOpenMpThreads);
    }
}

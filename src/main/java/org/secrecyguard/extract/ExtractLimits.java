package org.secrecyguard.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * Size and time budgets for reading one file, so that a hostile or merely huge file can neither exhaust
 * memory nor stall a scan. Everything past a budget is either cut with a note (text, images, pages) or
 * refused with a clear {@link ExtractionException.Reason} (file size, time, archive bombs).
 *
 * @param maxFileBytes          larger files are refused (TOO_LARGE)
 * @param maxTextChars          text beyond this is cut and a note says so (not an error)
 * @param timeBudget            wall-clock budget for one top-level file, nested entries included (TIMEOUT)
 * @param maxZipDepth           archives nested deeper than this are refused (BOMB)
 * @param maxZipEntries         archives with more entries are refused (BOMB)
 * @param maxZipTotalBytes      total uncompressed bytes of one archive, nested ones included (BOMB)
 * @param maxCompressionRatio   an entry that inflates more than this many times its stored size is a bomb
 * @param maxImages             embedded pictures handed to OCR per file; more are skipped with a note
 * @param maxImageBytes         larger embedded pictures are skipped with a note
 * @param renderDpi             resolution for rendering PDF pages that have no text layer
 * @param maxRenderedPages      pages rendered per file (a rendered page is a few megabytes of memory)
 * @param maxPages              pages (PDF, OFD) or slides read per file; the rest are skipped with a note
 */
public record ExtractLimits(
        long maxFileBytes,
        int maxTextChars,
        Duration timeBudget,
        int maxZipDepth,
        int maxZipEntries,
        long maxZipTotalBytes,
        int maxCompressionRatio,
        int maxImages,
        long maxImageBytes,
        int renderDpi,
        int maxRenderedPages,
        int maxPages) {

    public ExtractLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        positive(maxFileBytes, "maxFileBytes");
        positive(maxTextChars, "maxTextChars");
        positive(timeBudget.toMillis(), "timeBudget");
        if (maxZipDepth < 0) {
            throw new IllegalArgumentException("maxZipDepth must not be negative");
        }
        positive(maxZipEntries, "maxZipEntries");
        positive(maxZipTotalBytes, "maxZipTotalBytes");
        positive(maxCompressionRatio, "maxCompressionRatio");
        if (maxImages < 0 || maxRenderedPages < 0) {
            throw new IllegalArgumentException("image limits must not be negative");
        }
        positive(maxImageBytes, "maxImageBytes");
        if (renderDpi < 36 || renderDpi > 600) {
            throw new IllegalArgumentException("renderDpi must be between 36 and 600");
        }
        positive(maxPages, "maxPages");
    }

    /** Bytes of text that can hold {@link #maxTextChars} in any encoding (four per char at most): more are not decoded. */
    public long maxTextBytes() {
        return 4L * maxTextChars + 4;
    }

    /** Budgets for an office PC: 200 MB files, 20 M characters, 20 s, archives 3 deep / 10,000 entries / 1 GB. */
    public static ExtractLimits defaults() {
        return new ExtractLimits(
                200L * 1024 * 1024,
                20_000_000,
                Duration.ofSeconds(20),
                3,
                10_000,
                1024L * 1024 * 1024,
                100,
                50,
                20L * 1024 * 1024,
                150,
                10,
                5_000);
    }

    public ExtractLimits withTimeBudget(Duration budget) {
        return new ExtractLimits(maxFileBytes, maxTextChars, budget, maxZipDepth, maxZipEntries, maxZipTotalBytes,
                maxCompressionRatio, maxImages, maxImageBytes, renderDpi, maxRenderedPages, maxPages);
    }

    public ExtractLimits withRenderDpi(int dpi) {
        return new ExtractLimits(maxFileBytes, maxTextChars, timeBudget, maxZipDepth, maxZipEntries, maxZipTotalBytes,
                maxCompressionRatio, maxImages, maxImageBytes, dpi, maxRenderedPages, maxPages);
    }

    public ExtractLimits withMaxTextChars(int chars) {
        return new ExtractLimits(maxFileBytes, chars, timeBudget, maxZipDepth, maxZipEntries, maxZipTotalBytes,
                maxCompressionRatio, maxImages, maxImageBytes, renderDpi, maxRenderedPages, maxPages);
    }

    public ExtractLimits withMaxImages(int images) {
        return new ExtractLimits(maxFileBytes, maxTextChars, timeBudget, maxZipDepth, maxZipEntries, maxZipTotalBytes,
                maxCompressionRatio, images, maxImageBytes, renderDpi, maxRenderedPages, maxPages);
    }

    public ExtractLimits withMaxFileBytes(long bytes) {
        return new ExtractLimits(bytes, maxTextChars, timeBudget, maxZipDepth, maxZipEntries, maxZipTotalBytes,
                maxCompressionRatio, maxImages, maxImageBytes, renderDpi, maxRenderedPages, maxPages);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

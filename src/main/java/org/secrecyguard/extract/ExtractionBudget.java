package org.secrecyguard.extract;

/**
 * What one top-level file may still consume: characters of text, pictures, rendered pages and archive
 * bytes. Shared by every nested entry of that file, so that an archive of archives gets one budget,
 * not one per entry. Used by one worker thread at a time.
 */
final class ExtractionBudget {
    private final ExtractLimits limits;
    private long chars;
    private int images;
    private int renderedPages;
    private long archiveBytes;
    private int archiveEntries;
    private boolean textCut;
    private int imagesSkipped;

    ExtractionBudget(ExtractLimits limits) {
        this.limits = limits;
    }

    /** How many of {@code wanted} characters may still be kept. */
    int takeChars(int wanted) {
        long left = limits.maxTextChars() - chars;
        int granted = (int) Math.max(0, Math.min(wanted, left));
        chars += granted;
        if (granted < wanted) {
            textCut = true;
        }
        return granted;
    }

    boolean textFull() {
        return chars >= limits.maxTextChars();
    }

    /** True (and counted) when one more picture may be kept. */
    boolean takeImage() {
        if (images >= limits.maxImages()) {
            imagesSkipped++;
            return false;
        }
        images++;
        return true;
    }

    /** True (and counted) when one more page may be rendered. */
    boolean takeRenderedPage() {
        if (renderedPages >= limits.maxRenderedPages() || images >= limits.maxImages()) {
            imagesSkipped++;
            return false;
        }
        renderedPages++;
        images++;
        return true;
    }

    /** Counts inflated archive bytes; false once the archive total is exceeded. */
    boolean addArchiveBytes(long bytes) {
        archiveBytes += bytes;
        return archiveBytes <= limits.maxZipTotalBytes();
    }

    /** Counts archive entries, nested ones included; false once the entry limit is exceeded. */
    boolean addArchiveEntries(int entries) {
        archiveEntries += entries;
        return archiveEntries <= limits.maxZipEntries();
    }

    boolean textCut() {
        return textCut;
    }

    int imagesSkipped() {
        return imagesSkipped;
    }
}

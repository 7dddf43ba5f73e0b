package org.secrecyguard.channel;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * What a channel needs from the scanner: a verdict for text, a picture or a file. Implementations are
 * thread-safe, keep to their own size and time budgets and never throw for bad content (they return
 * an incomplete outcome instead). Text scans are fast enough to run at once; pictures (OCR) and files
 * are run by channels in the background.
 */
public interface ContentScanner {
    ScanOutcome scanText(String text, String where);

    ScanOutcome scanImage(BufferedImage image, String where);

    ScanOutcome scanFile(Path file);

    /**
     * The version of the rules the next scan judges by. A channel that keeps verdicts keys them by it
     * too: content judged clean must be judged again once a rule update may flag it.
     */
    String rulesVersion();

    /** False when pictures cannot be read here (no OCR): image channels then report DEGRADED. */
    default boolean imagesSupported() {
        return true;
    }
}

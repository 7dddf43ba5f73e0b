package org.secrecyguard.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/**
 * Header readings that Tesseract 5.3 (chi_sim+eng, LSTM) actually produced from the generated scans,
 * photos and screenshots here: the ★ comes back as 女 友 妇 娘 广 妈, the 1 of "1年" as ]. The
 * baseline engine must still flag them.
 */
class TesseractMisreadingsTest {
    private static Level flagged(String header) {
        return Baseline.engine().inspect(new Segment(header, SegmentKind.OCR, "photo (OCR header)"))
                .highest().orElse(null);
    }

    @Test
    void flagsMarkingsWhoseStarWasMisread() {
        for (String star : new String[] {"女", "友", "妇", "娘", "广"}) {
            assertEquals(Level.SECRET, flagged("000123\n机密" + star + "1年\n特急\nX府发 [2026] 17号\n"), star);
        }
        assertEquals(Level.TOP_SECRET, flagged("000007\n绝密妈长期\n特急\nXR [2026] 3号\n"));
        assertEquals(Level.CONFIDENTIAL, flagged("000045\n秘密女2年\nXBR [2026] 8号\n"));
    }

    @Test
    void flagsMarkingsWhosePeriodDigitWasMisread() {
        assertEquals(Level.SECRET, flagged("000123\n机密女]年\n特急\nX府发 [2026] 17号\n"));
    }
}

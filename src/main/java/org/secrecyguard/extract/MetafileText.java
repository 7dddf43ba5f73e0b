package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.hemf.record.emf.HemfRecord;
import org.apache.poi.hemf.record.emf.HemfText;
import org.apache.poi.hemf.usermodel.HemfPicture;
import org.apache.poi.hwmf.record.HwmfRecord;
import org.apache.poi.hwmf.record.HwmfText;
import org.apache.poi.hwmf.usermodel.HwmfPicture;

/**
 * The text a Windows metafile (EMF, WMF) draws, read from its text records with POI's HEMF/HWMF: Word
 * and WPS keep pasted diagrams, Visio drawings and scanned-letter covers as such pictures, and OCR cannot
 * read them. One line per text record; 8-bit WMF/EMF text is taken as GBK, the code page of Chinese
 * Windows, which also reads ASCII as it is.
 */
final class MetafileText {
    private static final Charset ANSI = Charset.forName("GBK");

    private MetafileText() {
    }

    /** True for the picture types this class reads. */
    static boolean isMetafile(byte[] b) {
        String type = ImageTypes.describe(b);
        return type.equals("emf") || type.equals("wmf");
    }

    /** The drawn text, or null when the metafile cannot be parsed. */
    static String text(byte[] b, ExtractionContext ctx) {
        StringBuilder out = new StringBuilder();
        try {
            if (ImageTypes.describe(b).equals("emf")) {
                HemfPicture pic = new HemfPicture(new ByteArrayInputStream(b));
                int n = 0;
                for (HemfRecord r : pic) {
                    if ((++n & 0xFFF) == 0) {
                        ctx.checkTimeUnchecked();
                    }
                    if (r instanceof HemfText.EmfExtTextOutW t) {
                        out.append(t.getText(StandardCharsets.UTF_16LE)).append('\n');
                    } else if (r instanceof HemfText.EmfExtTextOutA t) {
                        out.append(t.getText(ANSI)).append('\n');
                    }
                }
            } else {
                HwmfPicture pic = new HwmfPicture(new ByteArrayInputStream(b));
                for (HwmfRecord r : pic.getRecords()) {
                    if (r instanceof HwmfText.WmfExtTextOut t) {
                        out.append(t.getText(ANSI)).append('\n');
                    } else if (r instanceof HwmfText.WmfTextOut t) {
                        out.append(t.getText(ANSI)).append('\n');
                    }
                }
            }
        } catch (IOException | RuntimeException e) { // NOPMD: a damaged picture costs only its own text
            return out.length() > 0 ? out.toString() : null;
        }
        return out.toString();
    }
}

package org.secrecyguard.extract;

import java.awt.Graphics2D;
import java.awt.geom.Dimension2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.poi.hemf.record.emf.HemfFill;
import org.apache.poi.hemf.record.emf.HemfRecord;
import org.apache.poi.hemf.record.emf.HemfText;
import org.apache.poi.hemf.usermodel.HemfPicture;
import org.apache.poi.hwmf.record.HwmfFill;
import org.apache.poi.hwmf.record.HwmfMisc;
import org.apache.poi.hwmf.record.HwmfRecord;
import org.apache.poi.hwmf.record.HwmfText;
import org.apache.poi.hwmf.usermodel.HwmfPicture;

/**
 * The text a Windows metafile (EMF, WMF) draws, read from its text records with POI's HEMF/HWMF: Word
 * and WPS keep pasted diagrams, Visio drawings and scanned-letter covers as such pictures. One line per
 * text record; 8-bit WMF/EMF text is taken as GBK, the code page of Chinese Windows, which also reads
 * ASCII as it is. Also tells whether the picture needs OCR: it draws bitmaps (a scan pasted as a
 * metafile) or draws without any text record (text turned into outlines).
 */
final class MetafileText {
    private static final Charset ANSI = Charset.forName("GBK");

    private MetafileText() {
    }

    /**
     * A parsed metafile.
     *
     * @param text     the drawn text, one line per text record ("" when none)
     * @param bitmaps  true when a record draws a bitmap
     * @param records  how many records were read
     * @param complete false when the records ended in damage (text is what came before it)
     * @param size     the picture's size in points, null when unknown
     * @param drawer   draws the picture into a graphics context within the given bounds
     */
    record Metafile(String text, boolean bitmaps, int records, boolean complete, Dimension2D size,
            BiConsumer<Graphics2D, Rectangle2D> drawer) {
        /** True when OCR may find what the text records do not hold. */
        boolean needsOcr() {
            return complete && (bitmaps || text.isBlank() && records > 8);
        }
    }

    /** True for the picture types this class reads. */
    static boolean isMetafile(byte[] b) {
        String type = ImageTypes.describe(b);
        return type.equals("emf") || type.equals("wmf");
    }

    /** The drawn text, or null when the metafile cannot be parsed. */
    static String text(byte[] b, ExtractionContext ctx) {
        Metafile m = read(b, ctx);
        return m == null ? null : m.text();
    }

    /** The parsed metafile, or null when it cannot be parsed at all (damaged before any text). */
    static Metafile read(byte[] b, ExtractionContext ctx) {
        return ImageTypes.describe(b).equals("emf") ? emf(b, ctx) : wmf(b, ctx);
    }

    private static Metafile emf(byte[] b, ExtractionContext ctx) {
        StringBuilder out = new StringBuilder();
        boolean bitmaps = false;
        int n = 0;
        HemfPicture pic;
        try {
            pic = new HemfPicture(new ByteArrayInputStream(b));
            for (HemfRecord r : pic) {
                if ((++n & 0xFFF) == 0) {
                    ctx.checkTimeUnchecked();
                }
                if (r instanceof HemfText.EmfExtTextOutW t) {
                    out.append(t.getText(StandardCharsets.UTF_16LE)).append('\n');
                } else if (r instanceof HemfText.EmfExtTextOutA t) {
                    out.append(t.getText(ANSI)).append('\n');
                } else if (r instanceof HwmfFill.HwmfImageRecord || r instanceof HemfFill.EmfSetDiBitsToDevice) {
                    bitmaps = true;
                }
            }
        } catch (IOException | RuntimeException e) { // NOPMD: a damaged picture costs only its own text
            return out.length() > 0 ? new Metafile(out.toString(), bitmaps, n, false, null, null) : null;
        }
        HemfPicture drawn = pic;
        return new Metafile(out.toString(), bitmaps, n, true, size(pic::getSize), drawn::draw);
    }

    private static Metafile wmf(byte[] b, ExtractionContext ctx) {
        StringBuilder out = new StringBuilder();
        boolean bitmaps = false;
        HwmfPicture pic;
        List<HwmfRecord> records;
        try {
            pic = new HwmfPicture(new ByteArrayInputStream(b));
            records = pic.getRecords();
        } catch (IOException | RuntimeException e) { // NOPMD: HWMF reads every record up front
            return null;
        }
        int n = 0;
        for (HwmfRecord r : records) {
            if ((++n & 0xFFF) == 0) {
                ctx.checkTimeUnchecked();
            }
            try {
                if (r instanceof HwmfText.WmfExtTextOut t) {
                    out.append(t.getText(ANSI)).append('\n');
                } else if (r instanceof HwmfText.WmfTextOut t) {
                    out.append(t.getText(ANSI)).append('\n');
                } else if (r instanceof HwmfFill.HwmfImageRecord && !(r instanceof HwmfMisc.WmfDibCreatePatternBrush)
                        || r instanceof HwmfFill.WmfStretchBlt) {
                    bitmaps = true;
                }
            } catch (IOException | RuntimeException e) { // NOPMD: one undecodable text record costs only its line
                continue;
            }
        }
        if (n == 0) {
            return null; // a header and nothing else: not a picture
        }
        HwmfPicture drawn = pic;
        return new Metafile(out.toString(), bitmaps, n, true, size(pic::getSize), drawn::draw);
    }

    private static Dimension2D size(java.util.function.Supplier<Dimension2D> size) {
        try {
            Dimension2D d = size.get();
            return d == null || !(d.getWidth() > 0) || !(d.getHeight() > 0) ? null : d;
        } catch (RuntimeException e) { // NOPMD: without a size the picture is not rendered
            return null;
        }
    }
}

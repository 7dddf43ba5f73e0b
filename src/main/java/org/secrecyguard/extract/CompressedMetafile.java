package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/**
 * EMF/WMF pictures stored gzip-compressed (.emz/.wmz: Office keeps pasted Visio drawings and WordArt
 * like this, HTML exports link them). Inflated only up to a limit, so a compressed bomb stops there.
 */
final class CompressedMetafile {
    private CompressedMetafile() {
    }

    /** True when {@code b} is gzip data whose first bytes are an EMF or WMF picture. */
    static boolean isCompressedMetafile(byte[] b) {
        if (!ImageTypes.starts(b, 0x1f, 0x8b)) {
            return false;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return MetafileText.isMetafile(in.readNBytes(64));
        } catch (IOException | RuntimeException e) { // NOPMD: damaged gzip is not a picture we read
            return false;
        }
    }

    /**
     * The inflated picture of a {@link #isCompressedMetafile compressed metafile}, or null when it inflates
     * past {@code max} bytes; IOException when the compressed stream is damaged.
     */
    static byte[] inflate(byte[] b, long max) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            return out.length > max ? null : out;
        } catch (RuntimeException e) {
            throw new IOException("damaged compressed picture", e);
        }
    }

    /** "image/emz" or "image/wmz" for a compressed metafile. */
    static String label(byte[] b) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return ImageTypes.describe(in.readNBytes(64)).equals("emf") ? "image/emz" : "image/wmz";
        } catch (IOException | RuntimeException e) { // NOPMD: only words the label
            return "image/wmz";
        }
    }
}

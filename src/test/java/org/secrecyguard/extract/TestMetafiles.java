package org.secrecyguard.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;

/**
 * Writes WMF pictures from the records documented in [MS-WMF]: a placeable header (size in inches), the
 * WMF header, window origin and extent, then META_TEXTOUT (GBK text) or META_STRETCHDIB (a 24-bit
 * bitmap) records, and META_EOF. Real exports by LibreOffice are tested in cli.LibreOfficeMetafilesTest;
 * these are for fast checks of the budget and rendering rules.
 */
final class TestMetafiles {
    private static final int UNITS_PER_INCH = 1440;

    private TestMetafiles() {
    }

    /** A picture {@code width} × {@code height} logical units (1/1440 inch) drawing the text lines. */
    static byte[] wmfWithText(int width, int height, String... lines) {
        Body body = new Body();
        int y = 200;
        for (String line : lines) {
            byte[] text = line.getBytes(Charset.forName("GBK"));
            int padded = (text.length + 1) & ~1;
            ByteBuffer r = body.record(0x0521, 2 + padded + 4);  // META_TEXTOUT
            r.putShort((short) text.length).put(text);
            if (padded > text.length) {
                r.put((byte) 0);
            }
            r.putShort((short) y).putShort((short) 100);
            y += 400;
        }
        return wmf(width, height, body);
    }

    /** A picture that only draws {@code image} over its whole area, as a scan pasted into Word does. */
    static byte[] wmfWithBitmap(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int stride = (w * 3 + 3) & ~3;
        Body body = new Body();
        ByteBuffer r = body.record(0x0F43, 4 + 2 + 16 + 40 + stride * h); // META_STRETCHDIB
        r.putInt(0x00CC0020).putShort((short) 0);                          // SRCCOPY, DIB_RGB_COLORS
        r.putShort((short) h).putShort((short) w).putShort((short) 0).putShort((short) 0);
        r.putShort((short) (h * 10)).putShort((short) (w * 10)).putShort((short) 0).putShort((short) 0);
        r.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24); // BITMAPINFOHEADER
        r.putInt(0).putInt(stride * h).putInt(2835).putInt(2835).putInt(0).putInt(0);
        for (int y = h - 1; y >= 0; y--) {                                 // bottom-up rows of BGR
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                r.put((byte) rgb).put((byte) (rgb >> 8)).put((byte) (rgb >> 16));
            }
            for (int p = w * 3; p < stride; p++) {
                r.put((byte) 0);
            }
        }
        return wmf(w * 10, h * 10, body);
    }

    private static byte[] wmf(int width, int height, Body body) {
        Body all = new Body();
        all.record(0x020B, 4).putShort((short) 0).putShort((short) 0);                       // META_SETWINDOWORG
        all.record(0x020C, 4).putShort((short) height).putShort((short) width);              // META_SETWINDOWEXT
        all.raw(body.bytes());
        all.record(0x0000, 0);                                                                // META_EOF
        byte[] records = all.bytes();
        ByteBuffer b = ByteBuffer.allocate(22 + 18 + records.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x9AC6CDD7).putShort((short) 0);                                             // placeable header
        b.putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height);
        b.putShort((short) UNITS_PER_INCH).putInt(0);
        short checksum = 0;
        for (int i = 0; i < 20; i += 2) {
            checksum ^= b.getShort(i);
        }
        b.putShort(checksum);
        b.putShort((short) 1).putShort((short) 9).putShort((short) 0x0300);                  // memory metafile
        b.putInt((18 + records.length) / 2).putShort((short) 0).putInt(Math.max(all.maxRecordWords, body.maxRecordWords))
                .putShort((short) 0);
        b.put(records);
        return b.array();
    }

    /** Records, each a 4-byte size in 16-bit words, a 2-byte function, then the parameters. */
    private static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int maxRecordWords;
        private ByteBuffer open;

        ByteBuffer record(int function, int paramBytes) {
            flush();
            int words = 3 + (paramBytes + 1) / 2;
            maxRecordWords = Math.max(maxRecordWords, words);
            open = ByteBuffer.allocate(words * 2).order(ByteOrder.LITTLE_ENDIAN);
            open.putInt(words).putShort((short) function);
            return open;
        }

        void raw(byte[] records) {
            flush();
            out.writeBytes(records);
        }

        byte[] bytes() {
            flush();
            return out.toByteArray();
        }

        private void flush() {
            if (open != null) {
                out.writeBytes(open.array());
                open = null;
            }
        }
    }
}

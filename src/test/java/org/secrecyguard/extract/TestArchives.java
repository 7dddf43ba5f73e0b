package org.secrecyguard.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Generates archives: nested zips, zip bombs of several kinds, and a zip with GBK-encoded names. */
final class TestArchives {
    private TestArchives() {
    }

    /** One entry of {@code megabytes} MB of zeros: inflates about a thousand times its stored size. */
    static byte[] zerosBomb(int megabytes) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                zip.putNextEntry(new ZipEntry("data.txt"));
                byte[] block = new byte[1024 * 1024];
                for (int i = 0; i < megabytes; i++) {
                    zip.write(block);
                }
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #zerosBomb} with the central directory lying: it declares 1,000 bytes uncompressed, so
     * only counting while inflating can catch it.
     */
    static byte[] lyingBomb(int megabytes) {
        byte[] zip = zerosBomb(megabytes);
        for (int i = zip.length - 22; i >= 0; i--) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
                int at = i + 24; // uncompressed size in the central directory header
                zip[at] = (byte) 0xe8;
                zip[at + 1] = 0x03;
                zip[at + 2] = 0;
                zip[at + 3] = 0;
                return zip;
            }
        }
        throw new IllegalStateException("no central directory");
    }

    /** A harmless-looking zip holding a report and, one level down, a bomb. */
    static byte[] nestedBomb() {
        byte[] inner = TestDocuments.zip(TestDocuments.entries("说明.txt", "附件", "bomb.zip", zerosBomb(20)));
        return TestDocuments.zip(TestDocuments.entries("报告.txt", "正文", "附件.zip", inner));
    }

    /** {@code levels} zips inside each other around a small text file. */
    static byte[] deepNest(int levels) {
        byte[] current = TestDocuments.zip(TestDocuments.entries("a.txt", Markings.FIRST_LINE_MARK));
        for (int i = 0; i < levels - 1; i++) {
            current = TestDocuments.zip(TestDocuments.entries("level" + i + ".zip", current));
        }
        return current;
    }

    /** A zip with {@code count} tiny entries. */
    static byte[] manyEntries(int count) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (int i = 0; i < count; i++) {
                    zip.putNextEntry(new ZipEntry("f" + i + ".txt"));
                    zip.write('x');
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip written as Chinese Windows does: GBK names without the UTF-8 flag. */
    static byte[] gbkNames(String name, byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, Charset.forName("GBK"))) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

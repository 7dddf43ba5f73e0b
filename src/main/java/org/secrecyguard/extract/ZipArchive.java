package org.secrecyguard.extract;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * A zip container (plain archive, OOXML, ODF, OFD) read from memory with bomb defences: the entry count
 * is checked from the end record before anything is listed, declared sizes and ratios before anything is
 * inflated, and actual sizes and ratios while inflating (declared sizes can lie).
 */
final class ZipArchive implements Closeable {
    /** Entries smaller than this may have any ratio: small highly repetitive files are normal. */
    static final long RATIO_GRACE_BYTES = 1024 * 1024;
    static final int NO_RATIO_LIMIT = Integer.MAX_VALUE;

    /** One entry with its name decoded (UTF-8 flag, valid UTF-8, else GB18030 as Chinese Windows writes). */
    record Entry(String name, ZipArchiveEntry raw) {
        long size() {
            return raw.getSize();
        }

        long compressedSize() {
            return raw.getCompressedSize();
        }

        boolean directory() {
            return raw.isDirectory() || name.endsWith("/");
        }

        boolean encrypted() {
            return raw.getGeneralPurposeBit().usesEncryption();
        }
    }

    private final ZipFile zip;
    private final List<Entry> entries;
    private final Map<String, Entry> byName;

    private ZipArchive(ZipFile zip, List<Entry> entries) {
        this.zip = zip;
        this.entries = entries;
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.putIfAbsent(e.name(), e);
        }
        this.byName = map;
    }

    /**
     * Opens an archive held in memory. Throws BOMB when the end record announces more entries than
     * {@code maxEntries}, and IOException when the archive has no readable central directory.
     */
    static ZipArchive open(byte[] bytes, int maxEntries) throws IOException, ExtractionException {
        long announced = announcedEntryCount(bytes);
        if (announced > maxEntries) {
            throw bomb(String.format(Locale.ROOT, "archive has %,d entries (limit %,d)", announced, maxEntries));
        }
        ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        try {
            List<Entry> list = new ArrayList<>();
            for (ZipArchiveEntry raw : Collections.list(zip.getEntriesInPhysicalOrder())) {
                list.add(new Entry(decodeName(raw), raw));
                if (list.size() > maxEntries) {
                    throw bomb(String.format(Locale.ROOT, "archive has more than %,d entries", maxEntries));
                }
            }
            return new ZipArchive(zip, List.copyOf(list));
        } catch (ExtractionException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    List<Entry> entries() {
        return entries;
    }

    Entry find(String name) {
        return byName.get(name);
    }

    /**
     * Refuses archives whose declared sizes already say "bomb": an entry inflating more than
     * {@code maxRatio} times, or more than {@code maxTotal} bytes in all.
     */
    void checkDeclared(long maxTotal, int maxRatio) throws ExtractionException {
        long total = 0;
        for (Entry e : entries) {
            if (e.directory() || e.size() < 0) {
                continue;
            }
            total += e.size();
            if (total > maxTotal) {
                throw bomb(String.format(Locale.ROOT, "archive inflates to more than %,d MB",
                        maxTotal / (1024 * 1024)));
            }
            if (e.size() > RATIO_GRACE_BYTES && e.compressedSize() > 0
                    && e.size() / e.compressedSize() > maxRatio) {
                throw bomb(String.format(Locale.ROOT, "an entry inflates %,d times (limit %d)",
                        e.size() / e.compressedSize(), maxRatio));
            }
        }
    }

    /**
     * Inflates one entry, refusing more than {@code maxBytes} and ratios above {@code maxRatio} as they
     * happen. {@code ctx}, when given, is consulted for the deadline while inflating.
     */
    byte[] read(Entry entry, long maxBytes, int maxRatio, ExtractionContext ctx) throws IOException, ExtractionException {
        if (entry.encrypted()) {
            throw new ExtractionException(Reason.ENCRYPTED, "encrypted archive entry: cannot be checked");
        }
        if (!zip.canReadEntryData(entry.raw())) {
            throw new ExtractionException(Reason.UNSUPPORTED,
                    "archive entry uses an unsupported compression method: cannot be checked");
        }
        if (entry.size() > maxBytes) {
            throw tooBig(maxBytes);
        }
        try (InputStream in = zip.getInputStream(entry.raw())) {
            InputStreamStatistics stats = in instanceof InputStreamStatistics s ? s : null;
            int initial = (int) Math.min(Math.max(entry.size(), 0), Math.min(maxBytes, 64L * 1024 * 1024));
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 256));
            byte[] buf = new byte[64 * 1024];
            long count = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                count += n;
                if (count > maxBytes) {
                    throw tooBig(maxBytes);
                }
                if (stats != null && count > RATIO_GRACE_BYTES) {
                    long compressed = Math.max(1, stats.getCompressedCount());
                    if (count / compressed > maxRatio) {
                        throw bomb(String.format(Locale.ROOT, "an entry inflates more than %d times", maxRatio));
                    }
                }
                out.write(buf, 0, n);
                if (ctx != null && (count & 0xFFFFF) < n) {
                    ctx.checkTime();
                }
            }
            return out.toByteArray();
        }
    }

    private static ExtractionException tooBig(long maxBytes) {
        return new ExtractionException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                "an archive entry is larger than %,d MB: cannot be checked", maxBytes / (1024 * 1024)));
    }

    static ExtractionException bomb(String detail) {
        return new ExtractionException(Reason.BOMB, "zip bomb: " + detail + ": cannot be checked");
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static String decodeName(ZipArchiveEntry raw) {
        byte[] bytes = raw.getRawName();
        String name;
        if (bytes == null) {
            name = raw.getName();
        } else if (raw.getGeneralPurposeBit().usesUTF8ForNames()) {
            name = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } else {
            name = TextDecoder.decodeShort(bytes);
        }
        return name.replace('\\', '/');
    }

    /**
     * The entry count from the end-of-central-directory record (zip64 aware), or -1 when there is none.
     * Read before opening so that a directory of millions of entries is refused without listing it.
     */
    static long announcedEntryCount(byte[] b) {
        int min = Math.max(0, b.length - 22 - 65535);
        for (int i = b.length - 22; i >= min; i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x05 && b[i + 3] == 0x06) {
                long total = le16(b, i + 10);
                if (total == 0xFFFF && i >= 20 && le32(b, i - 20) == 0x07064b50L) {
                    long zip64At = le64(b, i - 20 + 8);
                    if (zip64At >= 0 && zip64At + 40 <= b.length && le32(b, (int) zip64At) == 0x06064b50L) {
                        long count = le64(b, (int) zip64At + 32);
                        return count < 0 ? Long.MAX_VALUE : count;
                    }
                }
                return total;
            }
        }
        return -1;
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long le32(byte[] b, int i) {
        return (le16(b, i) | (long) le16(b, i + 2) << 16) & 0xFFFFFFFFL;
    }

    private static long le64(byte[] b, int i) {
        return le32(b, i) | le32(b, i + 4) << 32;
    }
}

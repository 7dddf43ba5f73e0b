package org.secrecyguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The bundle container: an ordinary zip file (any unzip tool opens it) restricted to one canonical
 * layout, so that every byte of it is accounted for. Entries are stored uncompressed with fixed header
 * values, in order, with no gaps, extra fields or comments. Entry data is covered by the signed
 * manifest; every header byte must equal the value derived from the entry, so a change anywhere in the
 * file is rejected, not only a change that matters. Storing instead of deflating also rules out zip
 * bombs: no entry can be larger than the file.
 *
 * <p>{@link java.util.zip.ZipFile} cannot be this strict (it ignores local headers and tolerates
 * trailing bytes), hence this small reader and writer.
 */
final class CanonicalZip {
    private static final int LOC_SIG = 0x04034b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int END_SIG = 0x06054b50;
    private static final int LOC_LEN = 30;
    private static final int CEN_LEN = 46;
    private static final int END_LEN = 22;
    private static final short VERSION = 10;
    private static final short FLAG_UTF8 = 0x0800;
    private static final short DOS_TIME = 0;
    private static final short DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the zip epoch
    private static final int MAX_ENTRIES = 8;
    private static final int MAX_NAME = 64;

    private CanonicalZip() {
    }

    /** Content of one entry: small ones in memory, the database from a file. */
    record Source(String name, byte[] bytes, Path file) {
        static Source of(String name, byte[] bytes) {
            return new Source(name, bytes, null);
        }

        static Source of(String name, Path file) {
            return new Source(name, null, file);
        }
    }

    /** One entry read from a bundle: its bytes (small entries) or where they were copied, with digests. */
    record Entry(String name, long size, byte[] bytes, Path copiedTo, byte[] sha256) {
    }

    // ------------------------------------------------------------------ writer

    static void write(List<Source> sources, OutputStream out) throws IOException {
        List<long[]> meta = new ArrayList<>(); // offset, crc, size
        long offset = 0;
        for (Source s : sources) {
            byte[] name = name(s.name());
            long size;
            long crc;
            if (s.bytes() != null) {
                size = s.bytes().length;
                CRC32 c = new CRC32();
                c.update(s.bytes());
                crc = c.getValue();
            } else {
                size = Files.size(s.file());
                crc = crcOf(s.file());
            }
            if (size > 0xFFFF_FFFFL - 1) {
                throw new IOException("entry too large for a bundle: " + s.name());
            }
            ByteBuffer h = le(LOC_LEN + name.length);
            h.putInt(LOC_SIG).putShort(VERSION).putShort(FLAG_UTF8).putShort((short) 0)
                    .putShort(DOS_TIME).putShort(DOS_DATE).putInt((int) crc).putInt((int) size).putInt((int) size)
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.write(h.array());
            if (s.bytes() != null) {
                out.write(s.bytes());
            } else {
                try (InputStream in = Files.newInputStream(s.file())) {
                    in.transferTo(out);
                }
            }
            meta.add(new long[] {offset, crc, size});
            offset += LOC_LEN + name.length + size;
        }
        long cenStart = offset;
        for (int i = 0; i < sources.size(); i++) {
            byte[] name = name(sources.get(i).name());
            long[] m = meta.get(i);
            ByteBuffer h = le(CEN_LEN + name.length);
            h.putInt(CEN_SIG).putShort(VERSION).putShort(VERSION).putShort(FLAG_UTF8).putShort((short) 0)
                    .putShort(DOS_TIME).putShort(DOS_DATE).putInt((int) m[1]).putInt((int) m[2]).putInt((int) m[2])
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt((int) m[0]).put(name);
            out.write(h.array());
            offset += CEN_LEN + name.length;
        }
        ByteBuffer end = le(END_LEN);
        end.putInt(END_SIG).putShort((short) 0).putShort((short) 0).putShort((short) sources.size())
                .putShort((short) sources.size()).putInt((int) (offset - cenStart)).putInt((int) cenStart)
                .putShort((short) 0);
        out.write(end.array());
    }

    private static long crcOf(Path file) throws IOException {
        CRC32 c = new CRC32();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                c.update(buf, 0, n);
            }
        }
        return c.getValue();
    }

    // ------------------------------------------------------------------ reader

    /**
     * Reads a bundle strictly. Entries no larger than {@code inMemoryLimit} are returned as bytes; larger
     * ones are copied into {@code workDir} while their SHA-256 and CRC are computed in the same pass.
     *
     * @throws BundleRejectedException MALFORMED at the first byte that departs from the canonical layout,
     *                                 HASH_MISMATCH when an entry's data does not match its CRC
     */
    static List<Entry> read(Path file, int inMemoryLimit, Path workDir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readEntries(ch, entries, inMemoryLimit, workDir);
        } catch (IOException | RuntimeException e) {
            for (Entry entry : entries) {
                if (entry.copiedTo() != null) {
                    Files.deleteIfExists(entry.copiedTo());
                }
            }
            throw e;
        }
    }

    private static List<Entry> readEntries(FileChannel ch, List<Entry> entries, int inMemoryLimit, Path workDir)
            throws IOException {
        {
            long fileSize = ch.size();
            List<long[]> locs = new ArrayList<>(); // offset, crc, size
            long pos = 0;
            while (true) {
                if (pos + 4 > fileSize) {
                    throw malformed("bundle ends early (truncated?)");
                }
                int sig = readLe(ch, pos, 4).getInt();
                if (sig == CEN_SIG && !entries.isEmpty()) {
                    break;
                }
                if (sig != LOC_SIG) {
                    throw malformed("unexpected bytes at offset " + pos);
                }
                if (entries.size() == MAX_ENTRIES) {
                    throw malformed("too many entries");
                }
                ByteBuffer h = readLe(ch, pos, LOC_LEN);
                h.getInt();
                expect(h.getShort() == VERSION && h.getShort() == FLAG_UTF8 && h.getShort() == 0
                        && h.getShort() == DOS_TIME && h.getShort() == DOS_DATE, "local header", pos);
                long crc = h.getInt() & 0xFFFF_FFFFL;
                long csize = h.getInt() & 0xFFFF_FFFFL;
                long size = h.getInt() & 0xFFFF_FFFFL;
                int nameLen = h.getShort() & 0xFFFF;
                int extraLen = h.getShort() & 0xFFFF;
                expect(csize == size && extraLen == 0 && nameLen > 0 && nameLen <= MAX_NAME, "local header", pos);
                String name = readName(ch, pos + LOC_LEN, nameLen, fileSize);
                long dataStart = pos + LOC_LEN + nameLen;
                if (dataStart + size > fileSize) {
                    throw malformed("entry " + name + " runs past the end of the bundle (truncated?)");
                }
                Entry e = readData(ch, name, dataStart, size, crc, inMemoryLimit, workDir);
                entries.add(e);
                locs.add(new long[] {pos, crc, size});
                pos = dataStart + size;
            }
            long cenStart = pos;
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                byte[] name = name(e.name());
                if (pos + CEN_LEN + name.length > fileSize) {
                    throw malformed("central directory ends early (truncated?)");
                }
                ByteBuffer h = readLe(ch, pos, CEN_LEN);
                long[] loc = locs.get(i);
                boolean ok = h.getInt() == CEN_SIG && h.getShort() == VERSION && h.getShort() == VERSION
                        && h.getShort() == FLAG_UTF8 && h.getShort() == 0 && h.getShort() == DOS_TIME
                        && h.getShort() == DOS_DATE && (h.getInt() & 0xFFFF_FFFFL) == loc[1]
                        && (h.getInt() & 0xFFFF_FFFFL) == loc[2] && (h.getInt() & 0xFFFF_FFFFL) == loc[2]
                        && (h.getShort() & 0xFFFF) == name.length && h.getShort() == 0 && h.getShort() == 0
                        && h.getShort() == 0 && h.getShort() == 0 && h.getInt() == 0
                        && (h.getInt() & 0xFFFF_FFFFL) == loc[0];
                expect(ok, "central directory", pos);
                expect(e.name().equals(readName(ch, pos + CEN_LEN, name.length, fileSize)), "central directory", pos);
                pos += CEN_LEN + name.length;
            }
            if (pos + END_LEN != fileSize) {
                throw malformed(pos + END_LEN > fileSize ? "bundle ends early (truncated?)"
                        : "unexpected bytes after the end of the bundle");
            }
            ByteBuffer end = readLe(ch, pos, END_LEN);
            boolean ok = end.getInt() == END_SIG && end.getShort() == 0 && end.getShort() == 0
                    && end.getShort() == entries.size() && end.getShort() == entries.size()
                    && (end.getInt() & 0xFFFF_FFFFL) == pos - cenStart && (end.getInt() & 0xFFFF_FFFFL) == cenStart
                    && end.getShort() == 0;
            expect(ok, "end record", pos);
            return entries;
        }
    }

    private static Entry readData(FileChannel ch, String name, long start, long size, long crc, int inMemoryLimit,
                                  Path workDir) throws IOException {
        MessageDigest sha = sha256();
        CRC32 crc32 = new CRC32();
        byte[] bytes = null;
        Path copy = null;
        if (size <= inMemoryLimit) {
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            readFully(ch, buf, start);
            bytes = buf.array();
            sha.update(bytes);
            crc32.update(bytes);
        } else {
            copy = Files.createTempFile(workDir, "entry-", ".tmp");
            try (FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                long done = 0;
                while (done < size) {
                    buf.clear().limit((int) Math.min(buf.capacity(), size - done));
                    readFully(ch, buf, start + done);
                    buf.flip();
                    sha.update(buf.duplicate());
                    crc32.update(buf.duplicate());
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                    done += buf.limit();
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
        }
        if (crc32.getValue() != crc) {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
            throw new BundleRejectedException(RejectReason.HASH_MISMATCH, "entry " + name + " does not match its checksum");
        }
        return new Entry(name, size, bytes, copy, sha.digest());
    }

    private static String readName(FileChannel ch, long pos, int len, long fileSize) throws IOException {
        if (pos + len > fileSize) {
            throw malformed("bundle ends early (truncated?)");
        }
        ByteBuffer b = ByteBuffer.allocate(len);
        readFully(ch, b, pos);
        String name = new String(b.array(), StandardCharsets.UTF_8);
        if (!name.matches("[a-z0-9._-]+")) {
            throw malformed("entry name is not allowed");
        }
        return name;
    }

    private static ByteBuffer readLe(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, b, pos);
        b.flip();
        return b;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw malformed("bundle ends early (truncated?)");
            }
            p += n;
        }
    }

    private static void expect(boolean ok, String what, long pos) {
        if (!ok) {
            throw malformed("bundle " + what + " at offset " + pos + " is not in the canonical form");
        }
    }

    private static BundleRejectedException malformed(String message) {
        return new BundleRejectedException(RejectReason.MALFORMED, message);
    }

    private static byte[] name(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0 || b.length > MAX_NAME) {
            throw new IllegalArgumentException("bad entry name: " + name);
        }
        return b;
    }

    private static ByteBuffer le(int len) {
        return ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

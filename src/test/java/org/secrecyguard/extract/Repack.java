package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Rewrites one part of a zip package (docx, xlsx, odt, …), to damage just that part. */
final class Repack {
    private Repack() {
    }

    static Map<String, byte[]> parts(byte[] zip) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** {@code zip} with the part {@code name} replaced by {@code content} (which must exist). */
    static byte[] replace(byte[] zip, String name, byte[] content) {
        Map<String, byte[]> parts = parts(zip);
        if (parts.put(name, content) == null) {
            throw new IllegalArgumentException("no part " + name + " in " + parts.keySet());
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    if (e.getKey().equals("mimetype")) {
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(e.getValue().length);
                        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                        crc.update(e.getValue());
                        entry.setCrc(crc.getValue());
                    }
                    out.putNextEntry(entry);
                    out.write(e.getValue());
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part with its second half cut off: XML that does not parse. */
    static byte[] truncated(byte[] zip, String name) {
        byte[] part = parts(zip).get(name);
        return replace(zip, name, java.util.Arrays.copyOf(part, part.length / 2));
    }
}

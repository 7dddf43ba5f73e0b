package org.secrecyguard.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.OsFamily;

/**
 * Gives back the font file pages the resident app touched while starting (Linux). JavaFX opens a
 * FreeType face for every face of a font collection it looks at (the Noto CJK .ttc files hold ten
 * each) and each face maps the whole file; reading the faces' tables leaves ≈ 25 MB of font pages
 * mapped that an idle guard never reads again. {@code madvise(MADV_DONTNEED)} on those read-only
 * file mappings only drops the page-table entries: the file stays mapped and a later glyph is read
 * back from the page cache on first touch, with the same bytes. Nothing is written; failures are
 * ignored (the app just stays larger).
 */
final class FontPageTrim {
    private static final Logger LOG = Logger.getLogger(FontPageTrim.class.getName());
    private static final int MADV_DONTNEED = 4;

    /** A read-only file mapping of a font: start address and length in bytes. */
    record Range(long start, long length) {
    }

    private FontPageTrim() {
    }

    /** Drops the resident pages of this process's font mappings; returns the bytes advised. */
    static long run() {
        if (!OsFamily.current().isLinux()) {
            return 0;
        }
        try {
            long total = 0;
            for (Range r : fontRanges(Files.readAllLines(Path.of("/proc/self/maps")))) {
                if (LibC.INSTANCE.madvise(new Pointer(r.start()), r.length(), MADV_DONTNEED) == 0) {
                    total += r.length();
                }
            }
            return total;
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "font pages not trimmed", e);
            return 0;
        }
    }

    /** The read-only (never writable) mappings of font files among /proc/PID/maps lines. */
    static List<Range> fontRanges(List<String> mapsLines) {
        List<Range> out = new ArrayList<>();
        for (String line : mapsLines) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6 || f[1].charAt(1) == 'w' || f[1].charAt(0) != 'r' || !isFont(f[5])) {
                continue;
            }
            int dash = f[0].indexOf('-');
            long start = Long.parseUnsignedLong(f[0].substring(0, dash), 16);
            long end = Long.parseUnsignedLong(f[0].substring(dash + 1), 16);
            out.add(new Range(start, end - start));
        }
        return out;
    }

    private static boolean isFont(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".ttc") || p.endsWith(".ttf") || p.endsWith(".otf") || p.endsWith(".otc");
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int madvise(Pointer address, long length, int advice);
    }
}

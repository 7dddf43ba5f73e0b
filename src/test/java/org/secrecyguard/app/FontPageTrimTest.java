package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Font pages touched at start-up are given back, and the font still reads the same afterwards. */
class FontPageTrimTest {
    @Test
    void picksOnlyReadOnlyFontMappings() {
        List<FontPageTrim.Range> ranges = FontPageTrim.fontRanges(List.of(
                "7f8a1ec00000-7f8a1ff20000 r--p 00000000 fe:00 1442154    /usr/share/fonts/noto/NotoSansCJK-Bold.ttc",
                "7f8a00000000-7f8a00001000 rw-p 00000000 fe:00 1442155    /usr/share/fonts/writable.ttf",
                "7f8a00002000-7f8a00003000 r-xp 00000000 fe:00 1442156    /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f8a00004000-7f8a00006000 r--s 00000000 fe:00 1442157    /home/u/.fonts/Simhei.TTF",
                "7f8a00007000-7f8a00008000 rw-p 00000000 00:00 0"));
        assertEquals(List.of(new FontPageTrim.Range(0x7f8a1ec00000L, 0x1320000L),
                new FontPageTrim.Range(0x7f8a00004000L, 0x2000L)), ranges);
    }

    @Test
    void dropsResidentFontPagesAndTheBytesReadBackUnchanged(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux page trimming");
        byte[] content = new byte[4 << 20];
        new Random(7).nextBytes(content);
        Path font = Files.write(dir.resolve("generated.ttf"), content);
        try (FileChannel ch = FileChannel.open(font, StandardOpenOption.READ)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, content.length);
            map.load(); // touch every page, as FreeType does with a face's tables
            long before = residentKb(font);
            assertTrue(before >= 3 * 1024, "font pages resident before: " + before + " kB");

            assertTrue(FontPageTrim.run() >= content.length);

            long after = residentKb(font);
            assertTrue(after < 256, "font pages resident after trimming: " + after + " kB");
            byte[] again = new byte[content.length];
            map.get(0, again);
            assertArrayEquals(content, again);
        }
    }

    /** Rss of this process's mappings of the file, from /proc/self/smaps. */
    private static long residentKb(Path file) throws Exception {
        long kb = 0;
        boolean inFile = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) { // a mapping's header line
                inFile = line.endsWith(file.toString());
            }
            if (inFile && line.startsWith("Rss:")) {
                kb += Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return kb;
    }
}

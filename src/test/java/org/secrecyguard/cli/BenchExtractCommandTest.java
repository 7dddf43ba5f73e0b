package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchExtractCommandTest {

    @Test
    void timesEveryFileOfAFolderAndReportsErrorsAsRows(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "机密★1年\n正文\n", StandardCharsets.UTF_8);
        Files.write(dir.resolve("b.7z"), new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0, 4, 1, 2, 3});
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("extract", "--repeat", "1", "--warmup", "0", dir.toString());
        assertEquals(ExitCodes.OK, status, err.toString());
        String text = out.toString();
        assertTrue(text.lines().anyMatch(l -> l.startsWith("a.txt") && l.contains(" txt ")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("b.7z") && l.contains("UNSUPPORTED")), text);
        assertTrue(text.contains("total: 2 files"), text);
    }
}

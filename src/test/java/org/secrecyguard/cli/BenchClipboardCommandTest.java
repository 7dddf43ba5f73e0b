package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.secrecyguard.testing.Xclip;

/** The clipboard benchmark runs end to end and prints its figures (a few rounds only: not a timing test). */
class BenchClipboardCommandTest {
    @Test
    void printsLatencyFiguresForEveryCopy() {
        assumeTrue(Xclip.available(), "runs under xvfb-run with xclip installed (CI runs every test there)");
        StringWriter out = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("clipboard", "--rounds", "6", "--warmup", "2", "--chars", "300");
        assertEquals(ExitCodes.OK, status, out.toString());
        assertTrue(out.toString().contains("6 copies of 300 chars (3 marked)"), out.toString());
        assertTrue(out.toString().contains("XFixes notification -> verdict (ms): p50"), out.toString());
    }
}

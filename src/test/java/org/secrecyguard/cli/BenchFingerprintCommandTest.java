package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchFingerprintCommandTest {
    @Test
    void printsThroughputSizeLookupTimeAndDetection() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("fingerprint", "--docs", "60", "--queries", "6");
        assertEquals(ExitCodes.OK, status, err.toString());
        String text = out.toString();
        assertTrue(text.contains("docs/s"), text);
        assertTrue(text.contains("MB (arrays)"), text);
        assertTrue(text.contains("lookup of a 8000-char document"), text);
        assertTrue(text.contains("detection: 3 of 3 two-sentence quotes caught, 0 false matches"), text);
    }

    @Test
    void refusesNonsenseSizes() {
        StringWriter err = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("fingerprint", "--docs", "0");
        assertEquals(ExitCodes.ERROR, status);
        assertTrue(err.toString().contains("--docs"), err.toString());
    }
}

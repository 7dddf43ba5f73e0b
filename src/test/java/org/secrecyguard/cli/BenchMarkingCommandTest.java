package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchMarkingCommandTest {

    @Test
    void printsThroughputAndFindsOneMarkingPerMarkedDocument() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("marking", "--docs", "8", "--chars", "400", "--rounds", "1");
        assertEquals(ExitCodes.OK, status, err.toString());
        String text = out.toString();
        assertTrue(text.contains("marking bench: 8 documents"), text);
        assertTrue(text.contains("detect:") && text.contains("MB/s"), text);
        assertTrue(text.contains("findings: 4"), text); // half of the documents carry a header block
        assertTrue(text.contains("short lines"), text);
    }

    @Test
    void rejectsNonsenseSizes() {
        StringWriter err = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("marking", "--docs", "0");
        assertEquals(ExitCodes.ERROR, status);
        assertTrue(err.toString().contains("--docs"), err.toString());
    }
}

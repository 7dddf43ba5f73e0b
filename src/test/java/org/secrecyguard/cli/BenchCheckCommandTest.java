package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchCheckCommandTest {
    @Test
    void benchCheckFlagsEveryMarkedFileLikeGrepAndTimesTheUnchangedRecheck() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("check", "--files", "40", "--mb", "1", "--marked", "4", "--small", "50");
        String text = out.toString();
        assertEquals(ExitCodes.OK, status, err + text);
        assertTrue(text.contains("grep -rlE markings:") && text.contains(", 4 files listed"), text);
        assertTrue(text.contains("check (cold index):") && text.contains(", 4 files flagged"), text);
        assertTrue(text.contains("x grep"), text);
        assertTrue(text.contains("re-check unchanged:"), text);
    }
}

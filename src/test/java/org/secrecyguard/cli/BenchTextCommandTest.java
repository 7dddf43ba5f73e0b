package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchTextCommandTest {
    @Test
    void benchTextPrintsThroughputForBothSidesAndAgreeingKeywordCounts() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("text", "--mb", "0.2", "--keywords", "300", "--seconds", "0", "--warmup", "0");
        String text = out.toString();
        assertEquals(ExitCodes.OK, status, err.toString());
        assertTrue(text.contains("engine (normalise + detect)") && text.contains("regex alternation"), text);
        assertTrue(text.contains("speed ratio engine/regex:"), text);
        assertTrue(text.contains("keyword findings agree:"), text);
        assertFalse(text.contains("WARNING"), text);
        assertFalse(text.contains("keyword findings agree: 0\n"), "the corpus must contain keywords: " + text);
    }

    @Test
    void noRegexSkipsTheRegexSideAndPrintsTheSameFindingsChecksumEachRun() {
        String first = runNoRegex();
        String second = runNoRegex();
        assertFalse(first.contains("speed ratio engine/regex"), first);
        assertTrue(first.contains("regex side skipped"), first);
        assertEquals(checksumLine(first), checksumLine(second), "findings must not depend on the random key");
    }

    private static String runNoRegex() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BenchMain.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("text", "--mb", "0.2", "--keywords", "300", "--seconds", "0", "--warmup", "0",
                        "--no-regex");
        assertEquals(ExitCodes.OK, status, err.toString());
        return out.toString();
    }

    private static String checksumLine(String text) {
        return text.lines().filter(l -> l.startsWith("engine findings:")).findFirst()
                .orElseThrow(() -> new AssertionError("no findings line: " + text));
    }

    @Test
    void corpusIsDeterministicForASeedAndKeywordsAreDistinct() {
        SyntheticOfficialCorpus.Corpus a = SyntheticOfficialCorpus.generate(7, 0.1, 500);
        SyntheticOfficialCorpus.Corpus b = SyntheticOfficialCorpus.generate(7, 0.1, 500);
        SyntheticOfficialCorpus.Corpus c = SyntheticOfficialCorpus.generate(8, 0.1, 500);
        assertEquals(a.documents(), b.documents());
        assertEquals(a.keywords(), b.keywords());
        assertNotEquals(a.documents(), c.documents());
        Set<String> distinct = new HashSet<>(a.keywords());
        assertEquals(500, distinct.size());
        for (String k : a.keywords()) {
            for (String other : a.keywords()) {
                assertTrue(k.equals(other) || !other.contains(k), "no keyword may contain another");
            }
        }
    }
}

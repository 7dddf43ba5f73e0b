package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.Fingerprinter;
import org.secrecyguard.rules.RuleStore;

/**
 * The secrecy office's path with the CLI alone: init a rules database, add keywords, register a
 * classified document, then scan drafts with {@code --rules}: a quoted sentence and a code name are
 * caught at the registered levels, and neither the quote nor the term appears in the output.
 */
class RulesScanEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE_NAME = "青鸾工程";
    private static final String SENTENCE =
            "经研究决定，于二〇二六年十二月在西北某基地开展新型通信装备联合试验，参试单位须于十一月底前完成人员政审和设备封存工作。";

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void registeredQuoteAndKeywordAreCaughtWithoutRevealingThem() throws Exception {
        Path db = dir.resolve("rules.db");
        assertEquals("0", run("rules", "init", "--db", db.toString())[0]);
        String[] kw = run("rules", "keyword", "--db", db.toString(), "--level", "CONFIDENTIAL", CODE_NAME);
        assertEquals("0", kw[0], kw[2]);
        assertFalse(kw[1].contains(CODE_NAME));

        Path classified = dir.resolve("notice.txt");
        Files.writeString(classified, "机密★1年\n关于开展联合试验的通知\n各参试单位：\n" + SENTENCE
                + "\n请各单位严格落实保密措施，确保试验安全顺利进行。\n", StandardCharsets.UTF_8);
        String[] reg = run("rules", "register", "--db", db.toString(), "--level", "SECRET",
                "--title", "试验通知", classified.toString());
        assertEquals("0", reg[0], reg[2]);
        assertTrue(reg[1].contains("«试验通知»"), reg[1]);
        assertTrue(run("rules", "list", "--db", db.toString())[1].contains("1 registered documents"));

        Path draft = dir.resolve("speech-draft.txt");
        Files.writeString(draft, "同志们：今年以来，我们认真贯彻上级部署。" + SENTENCE.substring(0, 40)
                + "。希望大家再接再厉。\n", StandardCharsets.UTF_8);
        Path codeName = dir.resolve("chat.txt");
        Files.writeString(codeName, "明天讨论" + CODE_NAME + "的进度安排。\n", StandardCharsets.UTF_8);
        Path clean = dir.resolve("clean.txt");
        Files.writeString(clean, "同志们：今年以来，我们认真贯彻上级部署，各项工作取得新进展。\n", StandardCharsets.UTF_8);

        String[] scan = run("scan", "--json", "--no-ocr", "--rules", db.toString(),
                draft.toString(), codeName.toString(), clean.toString());
        assertEquals("1", scan[0], scan[2]);
        String[] rows = scan[1].strip().split("\\R");
        assertEquals(3, rows.length);
        JsonNode draftRow = JSON.readTree(rows[0]);
        assertEquals("SECRET", draftRow.get("level").asText());
        JsonNode fp = draftRow.get("findings").get(0);
        assertEquals("fingerprint", fp.get("detector").asText());
        assertTrue(fp.get("evidence").asText().contains("试验通知"), fp.toString());
        JsonNode chatRow = JSON.readTree(rows[1]);
        assertEquals("CONFIDENTIAL", chatRow.get("level").asText());
        assertEquals("keyword", chatRow.get("findings").get(0).get("detector").asText());
        assertEquals("allow", JSON.readTree(rows[2]).get("verdict").asText());

        assertFalse(scan[1].contains(CODE_NAME), "the keyword must not be printed");
        for (int i = 0; i + 8 <= SENTENCE.length(); i++) {
            assertFalse(scan[1].contains(SENTENCE.substring(i, i + 8)), "quoted text must not be printed");
        }

        String[] unreg = run("rules", "unregister", "--db", db.toString(), "1");
        assertEquals("0", unreg[0], unreg[1] + unreg[2]);
        String[] again = run("scan", "--json", "--no-ocr", "--rules", db.toString(), draft.toString());
        assertEquals("0", again[0], again[1]);
    }

    @Test
    void rulesRegisteredUnderAnotherFingerprintSchemeAreRefusedWithTheReason() throws Exception {
        Path db = dir.resolve("rules.db");
        assertEquals("0", run("rules", "init", "--db", db.toString())[0]);
        try (RuleStore store = RuleStore.open(db)) {
            // What a SecrecyGuard with 9-character n-grams would have stored.
            Fingerprinter other = new Fingerprinter(store.deploymentKey(), 9, 6);
            store.addDocuments(other.scheme(), List.of(other.register(0, "试验通知", Level.SECRET, SENTENCE)));
        }
        Path draft = dir.resolve("draft.txt");
        Files.writeString(draft, SENTENCE, StandardCharsets.UTF_8);
        String[] scan = run("scan", "--json", "--no-ocr", "--rules", db.toString(), draft.toString());
        assertEquals("2", scan[0], scan[1]);
        assertTrue(scan[2].contains("fingerprinted with scheme siphash24-winnow-k9-w6-v1"), scan[2]);

        Path classified = dir.resolve("notice.txt");
        Files.writeString(classified, SENTENCE, StandardCharsets.UTF_8);
        String[] reg = run("rules", "register", "--db", db.toString(), "--level", "SECRET", classified.toString());
        assertEquals("2", reg[0], reg[1]);
        assertTrue(reg[2].contains("register them again"), reg[2]);
    }

    @Test
    void missingRulesDatabaseIsAClearError() {
        String[] scan = run("scan", "--rules", dir.resolve("nope.db").toString(), dir.toString());
        assertEquals("2", scan[0]);
        assertTrue(scan[2].contains("no rules database"), scan[2]);
    }
}

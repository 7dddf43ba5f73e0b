package org.secrecyguard.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;

class FindingsJsonTest {
    private final Finding marking = new Finding(DetectorType.MARKING, "marking.header", Level.SECRET, "机密★1年",
            "body line 2 \"header\"");
    private final Finding keyword = new Finding(DetectorType.KEYWORD, "kw:7", Level.CONFIDENTIAL, "天河工程", "body");

    @Test
    void findingsComeBackAsStoredWithKeywordEvidenceMasked() {
        String json = FindingsJson.write(List.of(marking, keyword));
        assertFalse(json.contains("天河工程"), "the caught term never reaches the index");
        List<Finding> back = FindingsJson.read(json);
        assertEquals(2, back.size());
        assertEquals(marking, back.get(0));
        assertEquals("kw:7", back.get(1).rule());
        assertEquals(Level.CONFIDENTIAL, back.get(1).level());
        assertTrue(back.get(1).evidence().startsWith("天") && back.get(1).evidence().contains("*"),
                back.get(1).evidence());
    }

    @Test
    void aFileWithoutFindingsIsAnEmptyArray() {
        assertEquals("[]", FindingsJson.write(List.of()));
        assertEquals(List.of(), FindingsJson.read("[]"));
    }

    @Test
    void aDamagedRowKeepsWhatStandsBeforeTheDamage() {
        String json = FindingsJson.write(List.of(marking, keyword));
        String cut = json.substring(0, json.lastIndexOf("{\"detector\"") + 20);
        assertEquals(List.of(marking), FindingsJson.read(cut));
        assertEquals(List.of(), FindingsJson.read("not json"));
        assertEquals(List.of(), FindingsJson.read(null));
    }
}

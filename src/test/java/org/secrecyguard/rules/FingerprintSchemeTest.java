package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.engine.fingerprint.Fingerprinter;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;

/**
 * The fingerprint scheme travels with the registered documents: a rules database records it, and an
 * agent whose fingerprinter works differently refuses those rules with a clear reason instead of
 * silently never recognising a registered document.
 */
class FingerprintSchemeTest {
    private static final String TEXT = "经研究决定，于二〇二六年十二月在西北某基地开展新型通信装备联合试验，"
            + "参试单位须于十一月底前完成人员政审和设备封存工作。试验分为三个阶段，第一阶段进行单机性能测试。";
    private static final String QUOTE = "同志们：近期工作安排如下。参试单位须于十一月底前完成人员政审和设备封存工作。";

    @TempDir
    Path dir;

    private static RegisteredDocument document(Fingerprinter fp) {
        return fp.register(0, "试验通知", Level.SECRET, TEXT);
    }

    private static Verdict scan(Engine engine, String text) {
        return engine.inspect(new Segment(text, SegmentKind.BODY, "draft"));
    }

    @Test
    void registeringRecordsTheSchemeAndAMatchingAgentFindsTheDocument() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            assertTrue(store.fingerprintScheme().isEmpty());
            Fingerprinter fp = new Fingerprinter(store.deploymentKey());
            store.addDocuments(fp.scheme(), List.of(document(fp)));
            assertEquals(fp.scheme(), store.fingerprintScheme().orElseThrow());
            RuleSnapshot snapshot = store.loadSnapshot();
            assertEquals(fp.scheme(), snapshot.fingerprintScheme());
            Engine engine = EngineBuilder.build(snapshot);
            Verdict v = scan(engine, QUOTE);
            assertEquals(Level.SECRET, v.highest().orElseThrow());
            assertEquals(DetectorType.FINGERPRINT, v.findings().get(0).detector());
        }
    }

    @Test
    void documentsOfAnotherSchemeAreRefusedWithTheReasonNotSilentlyUnmatched() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            // As a later version with 9-character n-grams would have registered them.
            Fingerprinter other = new Fingerprinter(store.deploymentKey(), 9, 6);
            store.addDocuments(other.scheme(), List.of(document(other)));
            RuleSnapshot snapshot = store.loadSnapshot();
            RulesException e = assertThrows(RulesException.class, () -> EngineBuilder.build(snapshot));
            String ours = new Fingerprinter(store.deploymentKey()).scheme();
            assertTrue(e.getMessage().contains(other.scheme()) && e.getMessage().contains(ours), e.getMessage());
            assertTrue(e.getMessage().contains("rules register"), e.getMessage());
            // An agent keeps the rules it has: preparing the new rule set fails before anything is published.
            ActiveRules<Engine> active = new ActiveRules<>(EngineBuilder::build, EngineBuilder.build(emptySnapshot(store)));
            assertThrows(RulesException.class, () -> active.prepare(snapshot));
        }
    }

    @Test
    void aDatabaseNeverMixesSchemesUntilItsDocumentsAreRegisteredAgain() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            Fingerprinter old = new Fingerprinter(store.deploymentKey(), 9, 6);
            Fingerprinter current = new Fingerprinter(store.deploymentKey());
            long id = store.addDocuments(old.scheme(), List.of(document(old))).get(0).id();
            RulesException e = assertThrows(RulesException.class,
                    () -> store.addDocuments(current.scheme(), List.of(document(current))));
            assertTrue(e.getMessage().contains(old.scheme()), e.getMessage());
            assertEquals(1, store.documents().size(), "the refused batch left nothing behind");

            assertTrue(store.removeDocument(id));
            store.addDocuments(current.scheme(), List.of(document(current)));
            assertEquals(current.scheme(), store.fingerprintScheme().orElseThrow());
            assertEquals(Level.SECRET, scan(EngineBuilder.build(store.loadSnapshot()), QUOTE).highest().orElseThrow());
        }
    }

    @Test
    void documentsFromBeforeSchemesWereRecordedStillBuild() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            store.addDocuments(List.of(document(new Fingerprinter(store.deploymentKey()))));
            RuleSnapshot snapshot = store.loadSnapshot();
            assertNull(snapshot.fingerprintScheme());
            assertEquals(Level.SECRET, scan(EngineBuilder.build(snapshot), QUOTE).highest().orElseThrow());
        }
    }

    @Test
    void registeredDocumentsMakeOcrReadWholePagesAndMarkingsAloneDoNot() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            assertFalse(EngineBuilder.build(store.loadSnapshot()).needsBodyText(),
                    "markings stand in the header band: OCR may stop there");
            Fingerprinter fp = new Fingerprinter(store.deploymentKey());
            store.addDocuments(fp.scheme(), List.of(document(fp)));
            assertTrue(EngineBuilder.build(store.loadSnapshot()).needsBodyText(),
                    "registered text is in the body: OCR must read the whole page");
        }
    }

    private static RuleSnapshot emptySnapshot(RuleStore store) {
        RuleSnapshot s = store.loadSnapshot();
        return new RuleSnapshot(s.info(), s.deploymentKey(), s.markingLevels(), s.keywords(), List.of(), s.policy(),
                s.popups());
    }
}

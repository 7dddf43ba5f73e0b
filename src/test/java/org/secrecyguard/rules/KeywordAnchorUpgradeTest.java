package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.engine.keyword.KeywordHasher;
import org.secrecyguard.engine.keyword.KeywordRule;
import org.secrecyguard.engine.keyword.WholeTermRules;

/**
 * A rules database from before keyword anchors (schema 2, prefilters over the whole term) is upgraded in
 * place, its keywords keep matching, and adding the same term again moves the rule to an anchor.
 */
class KeywordAnchorUpgradeTest {
    private static final String TERM = "长城数据中心";
    private static final String TEXT = "关于长城数据中心二期建设的请示";

    @TempDir
    Path dir;

    @Test
    void schemaTwoKeywordsKeepMatchingAndReAddingATermAnchorsIt() throws Exception {
        Path db = dir.resolve("rules.db");
        byte[] key;
        try (RuleStore store = RuleStore.create(db)) {
            key = store.deploymentKey();
            store.addKeywords(List.of(id -> WholeTermRules.rule(store.deploymentKey(), id, Level.SECRET, TERM)));
        }
        // Back to schema 2 as the previous release wrote it: no prefilter_length column.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE keyword DROP COLUMN prefilter_length");
            st.execute("ALTER TABLE keyword DROP COLUMN prefilter_offset");
            st.execute("PRAGMA user_version = 2");
        }

        try (RuleStore store = RuleStore.open(db)) {
            KeywordRule old = store.keywords().get(0);
            assertEquals(6, old.prefilterLength(), "a rule from schema 2 covers the whole term");
            assertEquals(0, old.prefilterOffset());
            assertEquals(Level.SECRET, scan(store, TEXT).highest().orElseThrow());

            KeywordRule anchored = new KeywordHasher(key).rule("kw:2", Level.SECRET, TERM);
            KeywordAddition again = store.addKeywords(List.<java.util.function.Function<String, KeywordRule>>of(
                    id -> new KeywordHasher(key).rule(id, Level.SECRET, TERM))).get(0);
            assertEquals(KeywordAddition.Outcome.ALREADY_PRESENT, again.outcome());
            assertEquals(old.id(), again.id());
            KeywordRule upgraded = store.keywords().get(0);
            assertEquals(4, upgraded.prefilterLength());
            assertEquals(anchored.prefilterOffset(), upgraded.prefilterOffset());
            assertEquals(anchored.prefilter(), upgraded.prefilter());
            assertEquals(1, store.keywords().size());
            assertEquals(Level.SECRET, scan(store, TEXT).highest().orElseThrow());
            assertTrue(scan(store, "关于长城数据二期建设的请示，数据中心二期").findings().isEmpty(),
                    "parts of the term are not the term");
        }
    }

    private static Verdict scan(RuleStore store, String text) {
        return EngineBuilder.build(store.loadSnapshot()).inspect(new Segment(text, SegmentKind.BODY, "draft"));
    }
}

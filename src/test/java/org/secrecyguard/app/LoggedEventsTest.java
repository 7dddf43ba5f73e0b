package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.ui.EventRow;

/** Decisions go into the real SQLite event log and come back as history rows. */
class LoggedEventsTest {
    @Test
    void blockAndOverrideRoundTripThroughTheEventLog(@TempDir Path dir) throws Exception {
        Verdict v = Baseline.engine().inspect(Segment.body("机密★1年\n关于某项工作的通知"));
        CountDownLatch urgent = new CountDownLatch(1);
        try (EventLog log = EventLog.open(dir.resolve("events.db"))) {
            LoggedEvents events = new LoggedEvents(log, () -> "baseline", urgent::countDown);
            CountDownLatch changed = new CountDownLatch(1); // both may commit in one group
            events.subscribe(changed::countDown);
            Instant t = Instant.parse("2026-10-01T14:00:00Z");
            events.record(new GuardEvent(t, Channel.CLIPBOARD, Action.BLOCK_OVERRIDABLE, GuardEvent.Outcome.BLOCKED,
                    ContentKind.IMAGE, v, "WeChat", "", "OCR 3 s"));
            events.record(new GuardEvent(t.plusSeconds(20), Channel.CLIPBOARD, Action.BLOCK_OVERRIDABLE,
                    GuardEvent.Outcome.OVERRIDDEN, ContentKind.IMAGE, v, "WeChat", "经处长批准，发往内网审核", ""));
            assertTrue(changed.await(5, TimeUnit.SECONDS), "history listeners hear the commits");
            assertTrue(urgent.await(5, TimeUnit.SECONDS), "a national secret wakes the uploader");

            org.secrecyguard.testing.Await.until(() -> events.recent(10).size() >= 2, "both events listed");
            List<EventRow> rows = events.recent(10);
            assertEquals(2, rows.size());
            EventRow override = rows.get(0);
            assertEquals("OVERRIDDEN", override.outcome());
            assertEquals("经处长批准，发往内网审核", override.reason());
            EventRow block = rows.get(1);
            assertEquals("BLOCKED", block.outcome());
            assertEquals("image", block.contentKind());
            assertEquals("OCR 3 s", block.note());
            assertEquals("WeChat", block.app());
            assertEquals(List.of("机密★1年"), block.evidence());
        }
    }
}

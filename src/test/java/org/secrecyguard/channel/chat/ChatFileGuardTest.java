package org.secrecyguard.channel.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.Judgements;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.channel.ScannerAdapter;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.testing.Await;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.scan.Scanners;

/**
 * The chat file store guard on real folders laid out as WeChat lays them out, with the real scanner
 * and the built-in policy: files that appear where WeChat keeps sent and received files are checked,
 * the rest of its folder (message databases) is not, and nothing is touched.
 */
class ChatFileGuardTest {
    @TempDir
    Path documents;

    private final List<GuardEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final RecordingNotifier notifier = new RecordingNotifier();
    private Judgements judgements;
    private ChatFileGuard guard;
    private Path month;

    @BeforeEach
    void setUp() {
        GuardContext context = new GuardContext(new ScannerAdapter(Scanners.forFiles(Baseline::engine, false)),
                (verdict, t, time) -> Policy.defaults().decide(verdict, t.channel(),
                        t.destinationApp().isEmpty() ? null : t.destinationApp(), new TimeContext(time)),
                events::add, notifier, java.time.Clock.systemDefaultZone());
        judgements = Judgements.on(context);
        guard = ChatFileGuard.builder().stores(ChatStore.defaults(documents)).context(context)
                .pollPeriod(Duration.ofMillis(100)).settle(Duration.ofMillis(300)).build();
        guard.start();
        month = documents.resolve("WeChat Files/wxid_8a7b6c/FileStorage/File/2026-11");
    }

    @AfterEach
    void tearDown() {
        guard.stop();
    }

    @Test
    void aMarkedFileSentThroughWeChatIsReportedAndTheUserWarnedButLeftInPlace() throws Exception {
        assertTrue(guard.watchedStores().isEmpty(), "WeChat has not stored anything yet");
        Files.createDirectories(month);
        await(() -> guard.watchedStores().size() == 1, "the store is watched once it exists");
        Path sent = month.resolve("关于某专项工作的请示.txt");
        Files.writeString(sent, "000123\n机密★1年\n关于某专项工作的请示", StandardCharsets.UTF_8);

        GuardEvent e = awaitEvent();
        assertEquals(Level.SECRET, e.verdict().highest().orElseThrow());
        assertEquals(Action.BLOCK, e.action(), "what the policy wanted");
        assertEquals(GuardEvent.Outcome.WARNED, e.outcome(), "what could be done: it had already gone");
        assertTrue(e.note().contains("could not be stopped"), e.note());
        assertEquals("WeChat", e.destinationApp());
        assertEquals("关于某专项工作的请示.txt", e.file().name());
        assertEquals(List.of("warn"), notifier.shown);
        assertEquals(Action.WARN, notifier.alerts.get(0).action(), "no popup claims a block that did not happen");
        assertTrue(Files.exists(sent), "the application's copy is not touched");
    }

    @Test
    void internalMaterialGetsTheChatWarningAndTheRestOfTheStoreIsNotLookedAt() throws Exception {
        Files.createDirectories(month);
        Path msg = Files.createDirectories(documents.resolve("WeChat Files/wxid_8a7b6c/Msg"));
        await(() -> guard.watchedStores().size() == 1, "watched");
        Files.writeString(msg.resolve("MSG0.txt"), "机密★1年\n消息数据库不是发送的文件", StandardCharsets.UTF_8);
        Files.writeString(month.resolve("培训通知.txt"), "关于参加保密知识培训的通知", StandardCharsets.UTF_8);
        Files.writeString(month.resolve("学习资料.txt"), "内部资料 注意保存\n学习材料", StandardCharsets.UTF_8);
        judgements.awaitCarriedOut(2); // the two sent files; the message database is never judged
        GuardEvent e = awaitEvent();
        assertEquals(1, events.size(), "only the internal file: " + events);
        assertEquals(Level.INTERNAL, e.verdict().highest().orElseThrow());
        assertEquals(Action.WARN, e.action());
        assertEquals(List.of("warn"), notifier.shown);
    }

    @Test
    void filesAlreadyInTheStoreWhenWatchingStartsAreHistory() throws Exception {
        guard.stop();
        Files.createDirectories(month);
        Files.writeString(month.resolve("旧文件.txt"), "机密★1年\n去年发的", StandardCharsets.UTF_8);
        guard.start();
        await(() -> guard.watchedStores().size() == 1, "watched");
        Path qq = Files.createDirectories(documents.resolve("Tencent Files/12345678/FileRecv"));
        await(() -> guard.watchedStores().size() == 2, "QQ's store too");
        Files.writeString(qq.resolve("收到的.txt"), "绝密★长期\n某文件", StandardCharsets.UTF_8);
        GuardEvent e = awaitEvent();
        assertEquals("QQ", e.destinationApp());
        assertFalse(events.stream().anyMatch(x -> x.file().name().equals("旧文件.txt")));
        assertEquals(1, judgements.count(), "only the new file was judged: " + judgements.snapshot());
    }

    private GuardEvent awaitEvent() throws InterruptedException {
        await(() -> !events.isEmpty(), "an event");
        return events.get(0);
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(Duration.ofSeconds(15), condition, what);
    }
}

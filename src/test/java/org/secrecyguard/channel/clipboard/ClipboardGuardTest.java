package org.secrecyguard.channel.clipboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.Judgement;
import org.secrecyguard.channel.Judgements;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.clipboard.GuardFixtures.EngineScanner;
import org.secrecyguard.channel.clipboard.GuardFixtures.MemoryClipboard;
import org.secrecyguard.channel.clipboard.GuardFixtures.RecordingEvents;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.channel.clipboard.GuardFixtures.ScriptedForeground;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ClipboardContent;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.policy.Action;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.keyword.KeywordDetector;
import org.secrecyguard.engine.keyword.KeywordHasher;
import org.secrecyguard.engine.marking.MarkingDetector;
import org.secrecyguard.testing.Await;

/** The clipboard guard's decisions: when it acts, what it writes, logs and shows, and what it leaves alone. */
class ClipboardGuardTest {
    static final String SECRET_TEXT = "机密★1年\n关于某项目的通知\n各单位：……";
    static final String INTERNAL_TEXT = "内部资料 注意保存\n本周会议安排";
    static final String WORK_SECRET_TEXT = "工作秘密\n干部调整方案（征求意见稿）";
    static final String PUBLIC_TEXT = "关于开展全民健身活动的通知\n欢迎各位同事报名参加。";

    final MemoryClipboard clipboard = new MemoryClipboard();
    final ScriptedForeground foreground = new ScriptedForeground();
    final EngineScanner scanner = new EngineScanner(Baseline.engine());
    final RecordingEvents events = new RecordingEvents();
    final RecordingNotifier notifier = new RecordingNotifier();
    Judgements judgements;
    ClipboardGuard guard;

    GuardContext context(TransferPolicy policy) {
        GuardContext context = new GuardContext(scanner, policy, events, notifier, java.time.Clock.systemDefaultZone());
        judgements = Judgements.on(context);
        return context;
    }

    ClipboardGuard start(TransferPolicy policy) {
        guard = ClipboardGuard.builder().watch(() -> clipboard).clipboard(clipboard).foreground(foreground)
                .context(context(policy)).build();
        guard.start();
        return guard;
    }

    ClipboardGuard start() {
        return start(GuardFixtures.REAL_POLICY);
    }

    @AfterEach
    void stop() {
        if (guard != null) {
            guard.stop();
        }
    }

    @Test
    void replacesNationalSecretAtOnceWithNotice() {
        start();
        foreground.bringToFront("wps"); // a local editor: national secrets are stopped anyway
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        assertEquals(Action.BLOCK, events.snapshot().get(0).action());
        assertEquals("【保密卫士】剪贴板内容含机密标志，已被拦截。", clipboard.content().text());
        GuardEvent e = events.snapshot().get(0);
        assertEquals(GuardEvent.Outcome.BLOCKED, e.outcome());
        assertEquals(Level.SECRET, e.verdict().highest().orElseThrow());
        assertEquals(ContentKind.TEXT, e.contentKind());
        assertEquals("", e.destinationApp(), "not heading anywhere yet");
        assertEquals(List.of("block"), notifier.shown);
    }

    @Test
    void eventsAndAlertsNeverCarryTheCopiedText() {
        start();
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        String logged = events.snapshot().get(0).toString() + notifier.alerts.get(0);
        assertFalse(logged.contains("关于某项目的通知"), logged);
        assertFalse(logged.contains("各单位"), logged);
    }

    @Test
    void leavesPublicTextUntouched() throws Exception {
        start();
        foreground.bringToFront("WeChat");
        clipboard.copyText(PUBLIC_TEXT);
        assertEquals(Action.ALLOW, judgements.awaitCarriedOut(1).action());
        assertEquals(PUBLIC_TEXT, clipboard.content().text());
        assertEquals(0, clipboard.writes.get());
        assertTrue(events.snapshot().isEmpty());
        assertTrue(notifier.shown.isEmpty());
    }

    @Test
    void warnsAboutInternalMaterialOnlyWhenChatAppComesToFront() throws Exception {
        start();
        foreground.bringToFront("wps");
        clipboard.copyText(INTERNAL_TEXT);
        Judgement held = judgements.await(Judgement::waiting, "internal material held until it heads out");
        assertEquals(Level.INTERNAL, held.verdict().highest().orElseThrow());
        int looked = foreground.looks.get();
        Await.until(() -> foreground.looks.get() >= looked + 2, "the guard looked at the editor in front");
        assertTrue(events.snapshot().isEmpty(), "pasting between documents is fine");

        foreground.bringToFront("WeChat");
        await(() -> events.snapshot().size() == 1);
        GuardEvent e = events.snapshot().get(0);
        assertEquals(GuardEvent.Outcome.WARNED, e.outcome());
        assertEquals("WeChat", e.destinationApp());
        assertEquals(INTERNAL_TEXT, clipboard.content().text(), "a warning leaves the content");
        assertEquals(List.of("warn"), notifier.shown);
    }

    @Test
    void blocksWorkSecretWhenBrowserComesToFront() {
        start();
        foreground.bringToFront("wps");
        clipboard.copyText(WORK_SECRET_TEXT);
        foreground.bringToFront("firefox-esr");
        await(() -> events.snapshot().size() == 1);
        assertEquals(GuardEvent.Outcome.BLOCKED, events.snapshot().get(0).outcome());
        assertEquals("【保密卫士】剪贴板内容含工作秘密标志，已被拦截。", clipboard.content().text());
    }

    @Test
    void actsAtOnceWhenTheForegroundCannotBeKnown() {
        guard = ClipboardGuard.builder().watch(() -> clipboard).clipboard(clipboard)
                .foreground(org.secrecyguard.platform.ForegroundWindow.UNKNOWN)
                .context(context(GuardFixtures.REAL_POLICY)).build();
        guard.start();
        clipboard.copyText(INTERNAL_TEXT);
        await(() -> events.snapshot().size() == 1);
        assertEquals(GuardEvent.Outcome.WARNED, events.snapshot().get(0).outcome());
        assertEquals(ChannelHealth.State.DEGRADED, guard.health().state());
        assertTrue(guard.health().problems().contains("foreground-unknown"));
    }

    @Test
    void overrideWithReasonRestoresContentAndLogsTheReason() {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        notifier.overrideAnswer = answer;
        start((v, t, time) -> Action.BLOCK_OVERRIDABLE);
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        assertTrue(clipboard.content().text().startsWith(ClipboardNotice.TAG));

        answer.complete(Optional.of("经处长批准，发往内网审核"));
        await(() -> events.snapshot().size() == 2);
        GuardEvent override = events.snapshot().get(1);
        assertEquals(GuardEvent.Outcome.OVERRIDDEN, override.outcome());
        assertEquals("经处长批准，发往内网审核", override.overrideReason());
        await(() -> SECRET_TEXT.equals(clipboard.content().text()));
        long ignored = guard.ownWritesIgnored();
        Await.until(() -> guard.ownWritesIgnored() > ignored, "the restored content was seen and let be");
        assertEquals(2, events.snapshot().size(), "the restored content is not blocked again");
        assertEquals(SECRET_TEXT, clipboard.content().text());
    }

    @Test
    void acceptedBlockKeepsTheNotice() {
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.empty());
        start((v, t, time) -> Action.BLOCK_OVERRIDABLE);
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        Await.until(() -> guard.ownWritesIgnored() >= 1, "the notice was seen and let be");
        assertEquals(1, events.snapshot().size());
        assertTrue(clipboard.content().text().startsWith(ClipboardNotice.TAG));
    }

    @Test
    void doesNotJudgeItsOwnNotice() {
        start();
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        Await.until(() -> guard.ownWritesIgnored() >= 1, "the notice was seen");
        int scans = scanner.textScans.get();
        assertEquals(1, scans, "the notice written by the guard is not scanned");
        assertEquals(1, events.snapshot().size());
    }

    @Test
    void judgesTheSameContentAgainFromTheCache() throws Exception {
        start();
        List<VerdictReportHolder> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        guard.addVerdictListener(r -> reports.add(new VerdictReportHolder(r.fromCache())));
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 2);
        assertEquals(1, scanner.textScans.get());
        assertTrue(reports.get(1).fromCache());
    }

    record VerdictReportHolder(boolean fromCache) {
    }

    @Test
    void judgesAgainAfterARulesUpdate() {
        String projectText = "青鸾工程第三阶段进展汇报";
        start();
        clipboard.copyText(projectText);
        assertEquals(Action.ALLOW, judgements.awaitCarriedOut(1).action(), "no rule knows the project yet");

        byte[] key = new byte[32];
        scanner.engine = new Engine(List.of(MarkingDetector.allLevels(), new KeywordDetector(key,
                List.of(new KeywordHasher(key).rule("kw:1", Level.SECRET, "青鸾工程")))), "2026-12-06.1");
        clipboard.copyText(PUBLIC_TEXT);
        judgements.awaitCarriedOut(2);
        clipboard.copyText(projectText);
        assertEquals(Action.BLOCK, judgements.awaitCarriedOut(3).action(), "the update's keyword applies at once");
        assertTrue(clipboard.content().text().startsWith(ClipboardNotice.TAG));
        assertEquals(3, scanner.textScans.get(), "the same text was scanned again under the new rules");
    }

    @Test
    void readsLinesOfHtmlWhenNoPlainTextIsOffered() {
        start();
        clipboard.copy(new ClipboardContent(null, "<html><body><p>秘密★2年</p><p>会议纪要</p></body></html>",
                null, List.of()));
        await(() -> events.snapshot().size() == 1);
        assertEquals(Level.CONFIDENTIAL, events.snapshot().get(0).verdict().highest().orElseThrow());
    }

    @Test
    void blocksPictureOnceOcrFindsAMarking() {
        scanner.pictures = img -> {
            sleep(200); // OCR takes time: it must not hold up the guard thread
            boolean redHeader = new Color(img.getRGB(img.getWidth() / 2, 2)).getRed() > 200;
            return ScanOutcome.of(redHeader ? new Verdict(List.of(new Finding(DetectorType.MARKING,
                    "marking.header", Level.SECRET, "机密★", "clipboard image (OCR)"))) : Verdict.CLEAN);
        };
        start();
        clipboard.copy(new ClipboardContent(null, null, page(Color.RED), List.of()));
        await(() -> events.snapshot().size() == 1);
        assertEquals(ContentKind.IMAGE, events.snapshot().get(0).contentKind());
        assertTrue(clipboard.content().text().startsWith(ClipboardNotice.TAG));
    }

    @Test
    void newerCopyWinsOverAPictureStillBeingRead() throws Exception {
        CountDownLatch ocrStarted = new CountDownLatch(1);
        CountDownLatch ocrMayEnd = new CountDownLatch(1);
        CountDownLatch ocrEnded = new CountDownLatch(1);
        scanner.pictures = img -> {
            ocrStarted.countDown();
            try {
                ocrMayEnd.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // cancelled by the newer copy, as real OCR would be
            } finally {
                ocrEnded.countDown();
            }
            return ScanOutcome.of(new Verdict(List.of(new Finding(DetectorType.MARKING, "marking.header",
                    Level.SECRET, "机密★", "clipboard image (OCR)"))));
        };
        start();
        clipboard.copy(new ClipboardContent(null, null, page(Color.RED), List.of()));
        assertTrue(ocrStarted.await(5, TimeUnit.SECONDS));
        clipboard.copyText(PUBLIC_TEXT);
        judgements.awaitCarriedOut(1);
        ocrMayEnd.countDown();
        assertTrue(ocrEnded.await(5, TimeUnit.SECONDS));
        clipboard.copyText(PUBLIC_TEXT + "。"); // judged on the same thread after anything the picture left
        judgements.awaitCarriedOut(2);
        assertEquals(2, judgements.count(), "only the two texts were judged");
        assertTrue(events.snapshot().isEmpty(), "the stale picture verdict is dropped");
        assertEquals(PUBLIC_TEXT + "。", clipboard.content().text());
    }

    @Test
    void checksCopiedFilesAndFoldersInTheBackground(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("材料"));
        Files.writeString(folder.resolve("a.txt"), PUBLIC_TEXT, StandardCharsets.UTF_8);
        Files.writeString(Files.createDirectories(folder.resolve("sub")).resolve("b.txt"), SECRET_TEXT,
                StandardCharsets.UTF_8);
        start();
        clipboard.copy(new ClipboardContent(null, null, null, List.of(folder)));
        await(() -> events.snapshot().size() == 1);
        assertEquals(ContentKind.FILES, events.snapshot().get(0).contentKind());
        assertEquals(Level.SECRET, events.snapshot().get(0).verdict().highest().orElseThrow());
    }

    @Test
    void reportsDownWhenTheDesktopCannotBeWatched() {
        guard = ClipboardGuard.builder()
                .watch(() -> new org.secrecyguard.platform.ClipboardWatch() {
                    @Override
                    public void start(org.secrecyguard.platform.ClipboardListener l) {
                        throw new PlatformUnavailableException(Limitation.WAYLAND_WITHOUT_X11, "wayland");
                    }

                    @Override
                    public void close() {
                    }

                    @Override
                    public String name() {
                        return "wayland";
                    }
                })
                .clipboard(clipboard).context(context((v, t, time) -> Action.BLOCK)).build();
        guard.start();
        assertEquals(new ChannelHealth(ChannelHealth.State.DOWN, List.of("wayland-without-x11")), guard.health());
    }

    @Test
    void reportsDegradedWhenPicturesCannotBeRead() {
        scanner.imagesSupported = false;
        start();
        assertEquals(ChannelHealth.State.DEGRADED, guard.health().state());
        assertEquals(List.of("ocr-unavailable"), guard.health().problems());
    }

    @Test
    void stopsActingWhenStopped() {
        start();
        guard.stop();
        assertEquals(ChannelHealth.State.STOPPED, guard.health().state());
        clipboard.copyText(SECRET_TEXT); // a stopped guard has no watch: nothing is told of the copy
        assertEquals(0, judgements.count());
        assertEquals(SECRET_TEXT, clipboard.content().text());
        guard.start();
        clipboard.copyText(SECRET_TEXT + "\n");
        await(() -> events.snapshot().size() == 1);
    }

    static BufferedImage page(Color header) {
        BufferedImage img = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 120);
        g.setColor(header);
        g.fillRect(0, 0, 200, 10);
        g.dispose();
        return img;
    }

    static void await(BooleanSupplier condition) {
        Await.until(condition, "the guard's action");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

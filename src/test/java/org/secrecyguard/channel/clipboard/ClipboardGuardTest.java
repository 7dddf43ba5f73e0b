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
import org.secrecyguard.channel.PolicyDecider;
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
    ClipboardGuard guard;

    ClipboardGuard start(PolicyDecider policy) {
        guard = ClipboardGuard.builder().watch(() -> clipboard).clipboard(clipboard).foreground(foreground)
                .scanner(scanner).policy(policy).events(events).notifier(notifier).build();
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
        CountDownLatch judged = new CountDownLatch(1);
        guard.addVerdictListener(r -> judged.countDown());
        clipboard.copyText(PUBLIC_TEXT);
        assertTrue(judged.await(5, TimeUnit.SECONDS));
        Thread.sleep(3 * ClipboardGuard.FOREGROUND_PERIOD.toMillis());
        assertEquals(PUBLIC_TEXT, clipboard.content().text());
        assertEquals(0, clipboard.writes.get());
        assertTrue(events.snapshot().isEmpty());
        assertTrue(notifier.shown.isEmpty());
    }

    @Test
    void warnsAboutInternalMaterialOnlyWhenChatAppComesToFront() throws Exception {
        start();
        foreground.bringToFront("wps");
        CountDownLatch judged = new CountDownLatch(1);
        guard.addVerdictListener(r -> judged.countDown());
        clipboard.copyText(INTERNAL_TEXT);
        assertTrue(judged.await(5, TimeUnit.SECONDS));
        Thread.sleep(4 * ClipboardGuard.FOREGROUND_PERIOD.toMillis());
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
                .foreground(org.secrecyguard.platform.ForegroundWindow.UNKNOWN).scanner(scanner)
                .policy(GuardFixtures.REAL_POLICY).events(events).notifier(notifier).build();
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
        start((v, c, app, t) -> Action.BLOCK_OVERRIDABLE);
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        assertTrue(clipboard.content().text().startsWith(ClipboardNotice.TAG));

        answer.complete(Optional.of("经处长批准，发往内网审核"));
        await(() -> events.snapshot().size() == 2);
        GuardEvent override = events.snapshot().get(1);
        assertEquals(GuardEvent.Outcome.OVERRIDDEN, override.outcome());
        assertEquals("经处长批准，发往内网审核", override.overrideReason());
        await(() -> SECRET_TEXT.equals(clipboard.content().text()));
        sleep(500);
        assertEquals(2, events.snapshot().size(), "the restored content is not blocked again");
        assertEquals(SECRET_TEXT, clipboard.content().text());
    }

    @Test
    void acceptedBlockKeepsTheNotice() {
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.empty());
        start((v, c, app, t) -> Action.BLOCK_OVERRIDABLE);
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        sleep(300);
        assertEquals(1, events.snapshot().size());
        assertTrue(clipboard.content().text().startsWith(ClipboardNotice.TAG));
    }

    @Test
    void doesNotJudgeItsOwnNotice() {
        start();
        clipboard.copyText(SECRET_TEXT);
        await(() -> events.snapshot().size() == 1);
        int scans = scanner.textScans.get();
        sleep(300);
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
        scanner.pictures = img -> {
            ocrStarted.countDown();
            sleep(800);
            return ScanOutcome.of(new Verdict(List.of(new Finding(DetectorType.MARKING, "marking.header",
                    Level.SECRET, "机密★", "clipboard image (OCR)"))));
        };
        start();
        clipboard.copy(new ClipboardContent(null, null, page(Color.RED), List.of()));
        assertTrue(ocrStarted.await(5, TimeUnit.SECONDS));
        clipboard.copyText(PUBLIC_TEXT);
        sleep(1500);
        assertTrue(events.snapshot().isEmpty(), "the stale picture verdict is dropped");
        assertEquals(PUBLIC_TEXT, clipboard.content().text());
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
                .clipboard(clipboard).scanner(scanner).policy((v, c, a, t) -> Action.BLOCK).events(events)
                .notifier(notifier).build();
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
        clipboard.copyText(SECRET_TEXT);
        sleep(300);
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
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            sleep(10);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

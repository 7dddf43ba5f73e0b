package org.secrecyguard.onaccess;

import org.secrecyguard.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.channel.ScannerAdapter;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.keyword.KeywordDetector;
import org.secrecyguard.engine.keyword.KeywordHasher;
import org.secrecyguard.engine.marking.MarkingDetector;
import org.secrecyguard.platform.FileAccessGate;
import org.secrecyguard.platform.linux.FanotifyGate;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApps;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.testing.Await;

/**
 * The on-access guard on the real kernel (fanotify permission events, as root, as CI runs): a scratch
 * tmpfs stands for the users' filesystem, so that nothing else on the machine waits on the guard. The
 * "chat client" is a copy of {@code cat} laid out as the Linux WeChat package is ({@code /opt/wechat/wechat});
 * the plain {@code cat} is an ordinary program.
 */
class OnAccessGuardLinuxTest {
    static Path scratch;
    static Path home;
    static Path weChat;

    final List<GuardEvent> events = Collections.synchronizedList(new ArrayList<>());
    final RecordingNotifier notifier = new RecordingNotifier();
    final AtomicReference<Engine> rules = new AtomicReference<>(Baseline.engine());
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    volatile TransferPolicy policy = (verdict, t, time) -> Policy.defaults().decide(verdict, t.channel(),
            t.destinationApp(), new TimeContext(time));
    OnAccessGuard guard;

    @BeforeAll
    static void mountScratch() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && "root".equals(System.getProperty("user.name")),
                "fanotify permission events need root on Linux (CI runs as root)");
        scratch = Files.createTempDirectory("sg-onaccess");
        home = scratch.resolve("home");
        Files.createDirectories(home);
        run(List.of("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", home.toString()));
        Path pkg = Files.createDirectories(scratch.resolve("opt/wechat"));
        weChat = DestinationProcessesTest.chatBinary(pkg.resolve("wechat")); // cat with bytes of its own
    }

    @AfterAll
    static void unmountScratch() throws Exception {
        if (home != null) {
            run(List.of("umount", "-l", home.toString())); // lazy: a scan may still hold a file for a moment
        }
    }

    /** The service manager's keep-alives (systemd WATCHDOG=1) the guard gave. */
    final java.util.concurrent.atomic.AtomicInteger keepAlives = new java.util.concurrent.atomic.AtomicInteger();

    void startGuard(FileAccessGate gate, Duration watchdog) {
        guard = OnAccessGuard.builder().gate(gate).roots(List.of(home))
                .scanner(new ScannerAdapter(Scanners.forFiles(rules::get, false)))
                .policy((v, t, time) -> policy.decide(v, t, time))
                .externalApps(ExternalApps::defaults).events(events::add).notifiers(user -> notifier)
                .clock(clock).watchdogLimit(watchdog).installRoots(List.of(scratch))
                .healthy(keepAlives::incrementAndGet).build();
        guard.start();
    }

    @AfterEach
    void stopGuard() {
        if (guard != null) {
            guard.close();
        }
    }

    @Test
    void theChatClientCannotReadAMarkedDocumentWhileOtherProgramsCan() throws Exception {
        startGuard(new FanotifyGate(), Duration.ofSeconds(3));
        Path marked = Files.write(home.resolve("请示.docx"), docx("000123", "机密★1年", "关于某专项工作的请示"));
        Path clean = Files.write(home.resolve("通知.docx"), docx("关于开展全民健身活动的通知", "欢迎报名。"));

        Result sent = open(weChat, marked);
        assertEquals(1, sent.exit(), "the chat client's open failed");
        assertTrue(sent.stderr().contains("Operation not permitted"), "EPERM: " + sent.stderr());
        assertEquals(0, open(Path.of("/bin/cat"), marked).exit(), "cat is not a way out");
        assertEquals(0, open(weChat, clean).exit(), "a clean file goes");

        Await.until(() -> !events.isEmpty(), "the refusal is logged");
        GuardEvent e = events.get(0);
        assertEquals(Channel.UPLOAD_DIALOG, e.channel());
        assertEquals(GuardEvent.Outcome.BLOCKED, e.outcome());
        assertEquals("WeChat", e.destinationApp());
        assertEquals("请示.docx", e.file().name());
        assertEquals(Level.SECRET, e.verdict().highest().orElseThrow());
        Await.until(() -> notifier.shown.contains("block"), "the user is told");
        assertFalse(e.toString().contains("专项工作"), "the document's text is not in the event");
    }

    @Test
    void aRenamedCopyOfTheChatClientIsStillTheChatClient() throws Exception {
        startGuard(new FanotifyGate(), Duration.ofSeconds(3));
        Path copy = Files.copy(weChat, Files.createDirectories(scratch.resolve("tools")).resolve("notes"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path marked = Files.writeString(home.resolve("报告.txt"), "机密★1年\n关于某专项工作的报告", StandardCharsets.UTF_8);
        assertEquals(1, open(copy, marked).exit(), "known by its bytes, not its name");
        assertEquals(0, open(Path.of("/bin/cat"), marked).exit());
    }

    @Test
    void aRulesUpdateTurnsTheNextOpenIntoARefusal() throws Exception {
        startGuard(new FanotifyGate(), Duration.ofSeconds(3));
        Path plan = Files.writeString(home.resolve("进展.txt"), "青鸾工程第三阶段进展汇报", StandardCharsets.UTF_8);
        assertEquals(0, open(weChat, plan).exit(), "no rule knows the project yet");
        byte[] key = new byte[32];
        rules.set(new Engine(List.of(MarkingDetector.allLevels(), new KeywordDetector(key,
                List.of(new KeywordHasher(key).rule("kw:1", Level.SECRET, "青鸾工程")))), "2026-12-06.1"));
        assertEquals(1, open(weChat, plan).exit(), "the update's keyword applies to the next open");
    }

    @Test
    void aJustifiedOverrideLetsThePairThroughForOneMinuteOnly() throws Exception {
        policy = (v, t, time) -> v.isClean() ? Action.ALLOW : Action.BLOCK_OVERRIDABLE;
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.of("经处长批准发给省厅联络员"));
        startGuard(new FanotifyGate(), Duration.ofSeconds(3));
        Path file = Files.writeString(home.resolve("方案.txt"), "工作秘密\n干部调整方案", StandardCharsets.UTF_8);
        assertEquals(1, open(weChat, file).exit(), "refused first");
        Await.until(() -> events.stream().anyMatch(x -> x.outcome() == GuardEvent.Outcome.OVERRIDDEN),
                "the reason was given and logged");
        assertEquals("经处长批准发给省厅联络员", events.get(events.size() - 1).overrideReason());
        assertEquals(0, open(weChat, file).exit(), "sent again within the minute");
        assertEquals(0, open(Path.of("/bin/cat"), file).exit(), "other programs were never stopped");
        clock.advance(OverrideGrants.WINDOW.plusSeconds(1));
        assertEquals(1, open(weChat, file).exit(), "after the minute it is judged again");
    }

    @Test
    void aStalledGuardLetsOpensThroughWithinTheWatchdogTime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FanotifyGate real = new FanotifyGate();
        // The decision thread hangs on the chat client's open, as a deadlocked guard would.
        FileAccessGate stalling = new FileAccessGate() {
            @Override
            public void start(List<Path> roots, Decider decider) {
                real.start(roots, request -> {
                    if (request.executable().endsWith("/opt/wechat/wechat")) {
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    decider.decide(request);
                });
            }

            @Override
            public void close() {
                real.close();
            }

            @Override
            public long lastBeatNanos() {
                return real.lastBeatNanos();
            }
        };
        startGuard(stalling, Duration.ofSeconds(1));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (keepAlives.get() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(keepAlives.get() > 0, "a healthy guard keeps the service manager's watchdog fed");
        Path marked = Files.writeString(home.resolve("机要.txt"), "机密★1年\n报告", StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Result r = open(weChat, marked);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        release.countDown();
        assertEquals(0, r.exit(), "the stalled guard fails open");
        assertTrue(millis < 3000, "the open waited " + millis + " ms");
        assertTrue(guard.stalled());
        int afterStall = keepAlives.get();
        Thread.sleep(1000); // five watchdog checks: none may feed the manager once the guard was found stalled
        assertEquals(afterStall, keepAlives.get(), "no keep-alive after the stall");
    }

    record Result(int exit, String stderr) {
    }

    /** Runs {@code program file} with its output thrown away; the open is what is judged. */
    static Result open(Path program, Path file) throws Exception {
        Process p = new ProcessBuilder(program.toString(), file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), program + " did not finish");
        return new Result(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + out);
    }

    static byte[] docx(String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

}

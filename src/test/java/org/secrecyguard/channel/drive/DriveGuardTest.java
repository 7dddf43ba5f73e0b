package org.secrecyguard.channel.drive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.Judgements;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.channel.ScannerAdapter;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Level;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.RemovableMedia;
import org.secrecyguard.platform.RemovableVolume;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.PolicyConfig;
import org.secrecyguard.policy.PolicyEntry;
import org.secrecyguard.policy.PolicyMatrix;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.policy.UsbDeviceId;
import org.secrecyguard.scan.ContentHash;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.testing.Await;

/**
 * The drive guard on real files: a folder stands for the mounted stick (no USB device exists here;
 * the OS side is {@code LinuxRemovableMedia}'s), files are written to it as a copy would, the real
 * scanner (extraction + baseline markings) and the built-in policy decide, and the real JDK watch
 * reports the writes.
 */
class DriveGuardTest {
    private static final UsbDeviceId STICK = new UsbDeviceId("0781", "5581", "4C530001231219115362", "办公室3号盘");

    @TempDir
    Path dir;

    private Path drive;
    private Path quarantine;
    private final MountedMedia media = new MountedMedia();
    private final List<GuardEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final RecordingNotifier notifier = new RecordingNotifier();
    private volatile Policy policy = Policy.defaults();
    private Judgements judgements;
    private DriveGuard guard;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        drive = Files.createDirectories(dir.resolve("media/张三/KINGSTON"));
        quarantine = dir.resolve("data/quarantine");
        media.mount(volume());
        Scanner scanner = Scanners.forFiles(Baseline::engine, false);
        GuardContext context = new GuardContext(new ScannerAdapter(scanner),
                (verdict, transfer, time) -> policy.decideRemovable(verdict, device(transfer.device()),
                        new TimeContext(time)), events::add, notifier, java.time.Clock.systemDefaultZone());
        judgements = Judgements.on(context);
        guard = DriveGuard.builder().media(media).context(context).quarantine(quarantine)
                .pollPeriod(Duration.ofMillis(100)).settle(Duration.ofMillis(300)).build();
        guard.start();
        await(() -> guard.watchedVolumes().size() == 1, "the stick is watched");
    }

    @AfterEach
    void tearDown() {
        guard.stop();
    }

    private RemovableVolume volume() {
        return new RemovableVolume(drive, "KINGSTON", STICK.vendorId(), STICK.productId(), STICK.serial());
    }

    private static UsbDeviceId device(RemovableVolume v) {
        return v.identified() ? new UsbDeviceId(v.vendorId(), v.productId(), v.serial(), v.label()) : null;
    }

    @Test
    void aMarkedDocumentCopiedToTheStickIsTakenOffItIntoQuarantine() throws Exception {
        byte[] docx = docx("000123", "机密★1年", "特急", "关于开展新型装备联合试验的通知", "各参试单位：经研究决定……");
        Path target = drive.resolve("通知.docx");
        Files.write(target, docx);

        GuardEvent e = awaitEvent();
        assertEquals(GuardEvent.Outcome.BLOCKED, e.outcome());
        assertEquals(Action.BLOCK, e.action());
        assertEquals(Level.SECRET, e.verdict().highest().orElseThrow());
        assertFalse(Files.exists(target), "no longer on the stick");
        List<Path> kept = quarantined();
        assertEquals(1, kept.size());
        assertArrayEquals(docx, Files.readAllBytes(kept.get(0)), "kept whole on the PC");
        assertEquals("通知.docx", e.file().name());
        assertEquals(docx.length, e.file().size());
        assertEquals(ContentHash.of(docx), e.file().sha256());
        assertEquals("5581", e.device().productId());
        assertEquals(STICK.serial(), e.device().serial());
        assertTrue(e.note().contains("quarantine"), e.note());
        assertEquals(List.of("block"), notifier.shown);
        assertEquals("USB 0781:5581 4C530001231219115362 (KINGSTON)", notifier.alerts.get(0).destinationApp());
    }

    @Test
    void cleanFilesStayAndLeaveNoTrace() throws Exception {
        Files.write(drive.resolve("会议纪要.docx"), docx("关于做好秋季防火工作的通知", "各乡镇：现将有关事项通知如下。"));
        Files.writeString(drive.resolve("readme.txt"), "一份机密级文件的传递必须履行登记手续。", StandardCharsets.UTF_8);
        Files.writeString(drive.resolve("z-marked.txt"), "机密★1年\n关于某事项的报告", StandardCharsets.UTF_8);
        judgements.awaitCarriedOut(3); // every file judged, the clean ones too
        assertEquals(1, events.size(), "only the marked file: " + events);
        assertTrue(Files.exists(drive.resolve("会议纪要.docx")));
        assertTrue(Files.exists(drive.resolve("readme.txt")), "a mention of a level is not a marking");
    }

    @Test
    void internalMaterialIsWarnedAboutAndStays() throws Exception {
        Path file = drive.resolve("学习资料.txt");
        Files.writeString(file, "内部资料 注意保存\n学习材料汇编", StandardCharsets.UTF_8);
        GuardEvent e = awaitEvent();
        assertEquals(Action.WARN, e.action());
        assertEquals(GuardEvent.Outcome.WARNED, e.outcome());
        assertTrue(Files.exists(file));
        assertEquals(List.of("warn"), notifier.shown);
    }

    @Test
    void workSecretsOnAStickItAllowsAreOnlyAudited() throws Exception {
        policy = new Policy(new PolicyConfig(Policy.defaults().config().matrix(),
                Policy.defaults().config().externalApps(), List.of(STICK), Policy.defaults().config().calendar()));
        Path file = drive.resolve("工作方案.txt");
        Files.writeString(file, "工作秘密\n关于年度工作的方案", StandardCharsets.UTF_8);
        GuardEvent e = awaitEvent();
        assertEquals(Action.AUDIT, e.action());
        assertTrue(Files.exists(file));
        assertTrue(notifier.shown.isEmpty(), "audited silently");

        Path secret = drive.resolve("机要.txt");
        Files.writeString(secret, "秘密★6个月\n报告", StandardCharsets.UTF_8);
        await(() -> events.size() == 2, "the national secret on the same stick");
        assertEquals(Action.BLOCK, events.get(1).action(), "no stick may hold national secrets");
        assertFalse(Files.exists(secret));
    }

    /** IT's matrix lets a user take work secrets to a stick with a written reason. */
    private void workSecretsOverridable() {
        PolicyConfig d = Policy.defaults().config();
        policy = new Policy(new PolicyConfig(PolicyMatrix.of(List.of(new PolicyEntry(Level.WORK_SECRET,
                Channel.REMOVABLE_DRIVE, Action.BLOCK_OVERRIDABLE, null))), d.externalApps(), List.of(), d.calendar()));
    }

    @Test
    void workSecretsAreStoppedByDefault() throws Exception {
        Path file = drive.resolve("考核安排.txt");
        Files.writeString(file, "工作秘密\n关于年度考核的安排", StandardCharsets.UTF_8);
        GuardEvent e = awaitEvent();
        assertEquals(Level.WORK_SECRET, e.verdict().highest().orElseThrow());
        assertEquals(Action.BLOCK, e.action());
        assertFalse(Files.exists(file));
    }

    @Test
    void aJustifiedOverridePutsTheFileBackAndItIsNotJudgedAgain() throws Exception {
        workSecretsOverridable();
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.of("领导批准带去市里开会使用"));
        byte[] content = "工作秘密★1年\n关于年度考核的安排".getBytes(StandardCharsets.UTF_8);
        Path file = drive.resolve("考核安排.txt");
        Files.write(file, content);
        await(() -> events.size() == 2, "blocked, then overridden");
        assertEquals(GuardEvent.Outcome.BLOCKED, events.get(0).outcome());
        assertEquals(Action.BLOCK_OVERRIDABLE, events.get(0).action());
        GuardEvent override = events.get(1);
        assertEquals(GuardEvent.Outcome.OVERRIDDEN, override.outcome());
        assertEquals("领导批准带去市里开会使用", override.overrideReason());
        assertArrayEquals(content, Files.readAllBytes(file), "back on the stick, unchanged");
        assertTrue(quarantined().isEmpty());
        Await.until(() -> guard.ownRestoresSkipped() >= 1, "the put-back write was seen");
        long rounds = guard.rounds();
        Await.until(() -> guard.rounds() > rounds + 1, "a round after it");
        assertEquals(1, judgements.count(), "putting it back is not a new copy to judge");
        assertEquals(2, events.size());
    }

    @Test
    void aRefusedOverrideLeavesTheFileInQuarantine() throws Exception {
        workSecretsOverridable();
        Path file = drive.resolve("考核安排.txt");
        Files.writeString(file, "工作秘密\n关于年度考核的安排", StandardCharsets.UTF_8);
        GuardEvent e = awaitEvent();
        assertEquals(Action.BLOCK_OVERRIDABLE, e.action());
        judgements.awaitCarriedOut(1); // the user was asked and said no
        assertFalse(Files.exists(file));
        assertEquals(1, quarantined().size());
        assertEquals(List.of("override"), notifier.shown);
    }

    @Test
    void filesInAFolderCopiedWholeAreChecked() throws Exception {
        Path staged = Files.createDirectories(dir.resolve("staging/材料/二级"));
        Files.writeString(staged.resolve("附件.txt"), "绝密★长期\n附件内容", StandardCharsets.UTF_8);
        // A folder moved onto the stick arrives with its files already inside (one create notice).
        Files.move(dir.resolve("staging/材料"), drive.resolve("材料"));
        GuardEvent e = awaitEvent();
        assertEquals(Level.TOP_SECRET, e.verdict().highest().orElseThrow());
        assertFalse(Files.exists(drive.resolve("材料/二级/附件.txt")));
        Files.createDirectories(drive.resolve("新建文件夹")); // watched with what it holds once seen
        Files.writeString(drive.resolve("新建文件夹/报告.txt"), "秘密★1年\n报告", StandardCharsets.UTF_8);
        await(() -> events.size() == 2, "a file written into a folder made after the drive was plugged in");
    }

    @Test
    void aStickPluggedInLaterIsWatchedAndForgottenWhenPulled() throws Exception {
        Path second = Files.createDirectories(dir.resolve("media/张三/SD卡"));
        RemovableVolume card = new RemovableVolume(second, "SD卡", "", "", "");
        media.mount(card);
        await(() -> guard.watchedVolumes().size() == 2, "the card is watched");
        Files.writeString(second.resolve("a.txt"), "机密\n内容", StandardCharsets.UTF_8);
        GuardEvent e = awaitEvent();
        assertEquals(second.toString() + " (SD卡)", e.destinationApp(), "an unidentified device is named by its folder");
        assertFalse(Files.exists(second.resolve("a.txt")));
        media.unmount(card);
        await(() -> guard.watchedVolumes().size() == 1, "the card is forgotten");
    }

    @Test
    void aStickPluggedInWithMarkedFilesOnItIsInventoriedAndNothingIsMoved() throws Exception {
        Path second = Files.createDirectories(dir.resolve("media/张三/李四的U盘"));
        Files.createDirectories(second.resolve("旧材料/2025"));
        Files.writeString(second.resolve("旧材料/2025/请示.txt"), "绝密★长期\n关于某事项的请示", StandardCharsets.UTF_8);
        Files.writeString(second.resolve("学习资料.txt"), "内部资料 注意保存\n学习材料", StandardCharsets.UTF_8);
        Files.writeString(second.resolve("通知.txt"), "关于做好秋季防火工作的通知", StandardCharsets.UTF_8);
        Files.createDirectories(second.resolve("System Volume Information"));
        Files.writeString(second.resolve("System Volume Information/x.txt"), "机密★1年\n系统文件夹不查",
                StandardCharsets.UTF_8);
        media.mount(new RemovableVolume(second, "李四的U盘", "0951", "1666", "AA00"));
        await(() -> guard.inventoriesDone() == 1, "the stick was inventoried");
        List<GuardEvent> found = new ArrayList<>(events);
        found.sort(java.util.Comparator.comparing(e -> e.file().name()));
        assertEquals(2, found.size(), "the clean file and the system folder give nothing: " + found);
        assertEquals("学习资料.txt", found.get(0).file().name());
        assertEquals(Action.AUDIT, found.get(0).action());
        assertEquals("请示.txt", found.get(1).file().name());
        assertEquals(Action.WARN, found.get(1).action(), "a national secret on an internet PC is shown");
        assertTrue(found.get(1).note().contains("plugged in"), found.get(1).note());
        assertEquals(List.of("warn"), notifier.shown);
        assertTrue(Files.exists(second.resolve("旧材料/2025/请示.txt")), "nothing is moved: it did not come from here");
        assertTrue(quarantined().isEmpty());
    }

    @Test
    void aStickAlreadyPluggedInWhenTheGuardStartsIsNotInventoried() throws Exception {
        guard.stop();
        Files.writeString(drive.resolve("旧文件.txt"), "机密★1年\n旧文件", StandardCharsets.UTF_8);
        guard.start();
        await(() -> guard.watchedVolumes().size() == 1, "watched again");
        long rounds = guard.rounds();
        await(() -> guard.rounds() > rounds + 1, "rounds after the start");
        assertEquals(0, guard.inventoriesStarted(), "every login would report it again");
        assertTrue(events.isEmpty());
        Files.writeString(drive.resolve("新文件.txt"), "机密★1年\n新文件", StandardCharsets.UTF_8);
        assertEquals("新文件.txt", awaitEvent().file().name(), "what is copied now is still checked");
    }

    @Test
    void aFileThatCannotBeReadIsLoggedForItAndLeftAlone() throws Exception {
        Path file = drive.resolve("损坏.docx");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        Files.write(file, junk);
        GuardEvent e = awaitEvent();
        assertEquals(Action.AUDIT, e.action());
        assertTrue(e.note().startsWith("not fully checked"), e.note());
        assertTrue(Files.exists(file));
        assertTrue(notifier.shown.isEmpty());
    }

    @Test
    void aDesktopThatCannotListDrivesReportsTheChannelDown() throws Exception {
        media.failWith(new PlatformUnavailableException(Limitation.FOREGROUND_UNKNOWN, "no /proc"));
        await(() -> guard.health().state() == ChannelHealth.State.DOWN, "down");
        assertEquals(List.of(Limitation.FOREGROUND_UNKNOWN.code()), guard.health().problems());
        media.failWith(null);
        await(() -> guard.health().state() == ChannelHealth.State.UP, "up again once it works");
    }

    private GuardEvent awaitEvent() throws InterruptedException {
        await(() -> !events.isEmpty(), "an event");
        return events.get(0);
    }

    private List<Path> quarantined() throws IOException {
        if (!Files.isDirectory(quarantine)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(quarantine)) {
            return s.toList();
        }
    }

    private static byte[] docx(String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    static void await(BooleanSupplier condition, String what) {
        Await.until(Duration.ofSeconds(15), condition, what);
    }

    /** The mounted volumes, changed by the test as plugging in and pulling out would. */
    private static final class MountedMedia implements RemovableMedia {
        private final List<RemovableVolume> mounted = new CopyOnWriteArrayList<>();
        private volatile PlatformUnavailableException failure;

        void mount(RemovableVolume v) {
            mounted.add(v);
        }

        void unmount(RemovableVolume v) {
            mounted.remove(v);
        }

        void failWith(PlatformUnavailableException e) {
            failure = e;
        }

        @Override
        public List<RemovableVolume> volumes() {
            if (failure != null) {
                throw failure;
            }
            return List.copyOf(mounted);
        }

        @Override
        public String name() {
            return "test";
        }
    }
}

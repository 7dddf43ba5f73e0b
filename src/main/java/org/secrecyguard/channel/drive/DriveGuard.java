package org.secrecyguard.channel.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.channel.Enforcer;
import org.secrecyguard.channel.FolderWatch;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.GuardPipeline;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.SettlingFiles;
import org.secrecyguard.channel.Transfer;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.RemovableMedia;
import org.secrecyguard.platform.RemovableVolume;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.scan.FolderWalk;

/**
 * Guards removable drives (USB sticks, phones and card readers used "as a drive"): every file written
 * to one is checked once it stops changing, and the policy decides, for that level and that device
 * (IT's allow-list), at that time.
 * <ul>
 *   <li>BLOCK: the file is moved off the drive into the local quarantine folder and the user is told;</li>
 *   <li>BLOCK_OVERRIDABLE: the same, and a user who gives a written reason gets the file put back;</li>
 *   <li>WARN: a popup, the file stays; AUDIT: logged only.</li>
 * </ul>
 * Every action is logged with the file's name, size and SHA-256 and the device's ids, never its content.
 * A file that cannot be read whole (encrypted, damaged, over the scan budget) and shows nothing is
 * logged for IT and left alone.
 *
 * <p>A drive plugged in while the guard runs is also inventoried (newest files first, at most
 * {@value FolderWalk#MAX_FILES} files and 10 minutes, on a low-priority thread): on an internet-connected
 * PC any national-secret material is a violation even when nothing is being sent, so a national-secret
 * finding there is shown to the user and logged (WARN), any other finding logged (AUDIT); nothing is
 * moved, since those files did not come from this PC. Drives already plugged in when the guard starts
 * are not inventoried (every login would report them again).
 *
 * <p>Threads: one "drive-guard" thread polls the mounted volumes and their watches, one "drive-scan"
 * thread judges settled files and acts, one "drive-inventory" thread checks newly plugged-in drives.
 */
public final class DriveGuard implements GuardChannel {
    private static final Logger LOG = Logger.getLogger(DriveGuard.class.getName());

    /** How long one drive's inventory may run in all. */
    static final Duration INVENTORY_BUDGET = Duration.ofMinutes(10);

    private final RemovableMedia media;
    private final ContentScanner scanner;
    private final GuardPipeline pipeline;
    private final Quarantine quarantine;
    private final Clock clock;
    private final Duration pollPeriod;
    private final Duration settle;

    /** The watched drives by root, with the watch of each. */
    private final Map<Path, Watched> watches = new HashMap<>();
    /** Files the guard itself put back after an override, by path → size, so their write is not judged again. */
    private final Map<Path, Long> restored = new ConcurrentHashMap<>();
    /** Files the watch reported being written: an inventory leaves them to the copy check. */
    private final java.util.Set<Path> written = ConcurrentHashMap.newKeySet();
    private SettlingFiles<RemovableVolume> settling;
    private ScheduledExecutorService loop;
    private ExecutorService scans;
    private ExecutorService inventories;
    /** What the guard did that leaves no event, so that tests can wait for it instead of sleeping. */
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong ownRestoresSkipped = new AtomicLong();
    private final AtomicLong inventoriesStarted = new AtomicLong();
    private final AtomicLong inventoriesDone = new AtomicLong();
    /** False until the first round has seen the drives that were there at start. */
    private boolean started;
    private volatile ChannelHealth health = ChannelHealth.stopped();

    private DriveGuard(Builder b) {
        this.media = Objects.requireNonNull(b.media, "media");
        GuardContext context = Objects.requireNonNull(b.context, "context");
        this.scanner = context.scanner();
        this.pipeline = new GuardPipeline(context);
        this.quarantine = new Quarantine(Objects.requireNonNull(b.quarantine, "quarantine"));
        this.clock = context.clock();
        this.pollPeriod = b.pollPeriod;
        this.settle = b.settle;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Channel kind() {
        return Channel.REMOVABLE_DRIVE;
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        settling = new SettlingFiles<>(settle);
        loop = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("drive-guard"));
        scans = Executors.newSingleThreadExecutor(DaemonThreads.named("drive-scan"));
        inventories = Executors.newSingleThreadExecutor(r -> {
            Thread t = DaemonThreads.named("drive-inventory").newThread(r);
            t.setPriority(Thread.MIN_PRIORITY); // never in the way of the copy checks or the desktop
            return t;
        });
        started = false;
        health = new ChannelHealth(ChannelHealth.State.UP, List.of());
        loop.scheduleWithFixedDelay(this::tick, 0, pollPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.shutdownNow();
        scans.shutdownNow();
        inventories.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
            scans.awaitTermination(5, TimeUnit.SECONDS);
            inventories.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watches.values().forEach(w -> w.watch().close());
        watches.clear();
        loop = null;
        scans = null;
        inventories = null;
        health = ChannelHealth.stopped();
    }

    @Override
    public ChannelHealth health() {
        return health;
    }

    /** The volumes being watched now (for the status window and tests). */
    public synchronized List<RemovableVolume> watchedVolumes() {
        List<RemovableVolume> out = new ArrayList<>();
        watches.values().forEach(w -> out.add(w.volume()));
        return out;
    }

    /** Rounds completed (tests wait for one instead of sleeping through a poll period). */
    long rounds() {
        return rounds.get();
    }

    /** Writes seen that were the guard's own put-backs after an override, left unjudged. */
    long ownRestoresSkipped() {
        return ownRestoresSkipped.get();
    }

    /** Inventories of newly plugged-in drives begun and finished. */
    long inventoriesStarted() {
        return inventoriesStarted.get();
    }

    long inventoriesDone() {
        return inventoriesDone.get();
    }

    /** One round on the guard's thread: volumes come and go, changed files settle, settled ones go to scan. */
    private void tick() {
        try {
            List<RemovableVolume> mounted;
            try {
                mounted = media.volumes();
            } catch (PlatformUnavailableException e) {
                health = new ChannelHealth(ChannelHealth.State.DOWN, List.of(e.limitation().code()));
                return;
            }
            List<String> problems = new ArrayList<>();
            synchronized (this) {
                follow(mounted, problems);
                Instant now = clock.instant();
                for (Watched w : watches.values()) {
                    for (Path file : w.watch().drain()) {
                        if (isOwnRestore(file)) {
                            ownRestoresSkipped.incrementAndGet();
                        } else {
                            written.add(file);
                            settling.touched(file, w.volume(), now);
                        }
                    }
                    if (w.watch().truncated()) {
                        problems.add("drive-partly-watched");
                    }
                }
                for (SettlingFiles.Settled<RemovableVolume> s : settling.settled(now)) {
                    scans.execute(() -> check(s.file(), s.tag()));
                }
            }
            health = new ChannelHealth(problems.isEmpty() ? ChannelHealth.State.UP : ChannelHealth.State.DEGRADED,
                    problems.stream().distinct().toList());
            rounds.incrementAndGet();
        } catch (RuntimeException e) {
            // The loop must survive anything one round runs into (a drive pulled mid-walk, say).
            LOG.log(Level.WARNING, "drive guard round failed", e);
        }
    }

    /** Starts watching volumes that appeared and stops watching those that went away. */
    private void follow(List<RemovableVolume> mounted, List<String> problems) {
        Map<Path, RemovableVolume> now = new HashMap<>();
        mounted.forEach(v -> now.put(v.root(), v));
        watches.entrySet().removeIf(e -> {
            if (now.containsKey(e.getKey())) {
                return false;
            }
            LOG.info(() -> "removable drive gone: " + e.getValue().volume().describe());
            RemovableVolume gone = e.getValue().volume();
            settling.forget(gone::equals);
            written.removeIf(p -> p.startsWith(e.getKey()));
            e.getValue().watch().close();
            return true;
        });
        for (RemovableVolume v : mounted) {
            if (watches.containsKey(v.root())) {
                continue;
            }
            try {
                watches.put(v.root(), new Watched(v, FolderWatch.open(v.root())));
                LOG.info(() -> "watching removable drive " + v.describe());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot watch removable drive " + v.describe(), e);
                problems.add("drive-watch-failed");
                continue;
            }
            if (started) {
                inventoriesStarted.incrementAndGet();
                inventories.execute(() -> inventory(v));
            }
        }
        started = true;
    }

    private boolean isOwnRestore(Path file) {
        Long size = restored.get(file);
        if (size == null) {
            return false;
        }
        try {
            if (Files.size(file) == size) {
                return true;
            }
        } catch (IOException e) {
            // gone: judge whatever comes next at this path
        }
        restored.remove(file);
        return false;
    }

    /** Checks the files a newly plugged-in drive brought (on the inventory thread). */
    private void inventory(RemovableVolume volume) {
        try {
            // Files copied right after plugging in are the copy check's: give the watch time to report them.
            Thread.sleep(2 * (pollPeriod.toMillis() + settle.toMillis()));
        } catch (InterruptedException e) {
            return;
        }
        FolderWalk.Listing listing = FolderWalk.newestFirst(volume.root());
        List<Path> files = listing.files();
        long deadline = System.nanoTime() + INVENTORY_BUDGET.toNanos();
        int checked = 0;
        for (Path file : files) {
            if (Thread.currentThread().isInterrupted() || System.nanoTime() > deadline || !isWatched(volume)) {
                break;
            }
            if (!written.contains(file)) {
                inventoryOne(file, volume);
            }
            checked++;
        }
        int done = checked;
        inventoriesDone.incrementAndGet();
        LOG.info(() -> "inventory of " + volume.describe() + ": " + done + " files looked at"
                + (listing.truncated() || done < files.size() ? " (not all: limit reached)" : "")
                + (listing.unreadable() ? " (some folders unreadable)" : ""));
    }

    private synchronized boolean isWatched(RemovableVolume volume) {
        Watched w = watches.get(volume.root());
        return w != null && w.volume().equals(volume);
    }

    private void inventoryOne(Path file, RemovableVolume volume) {
        GuardEvent.MovedFile facts;
        try {
            facts = GuardEvent.MovedFile.of(file);
        } catch (IOException e) {
            return;
        }
        ScanOutcome outcome = scanner.scanFile(file);
        Verdict verdict = outcome.verdict();
        if (verdict.isClean()) {
            return;
        }
        // Not the policy's matrix: these files did not come from this PC, so nothing is moved. Any
        // national secret on an internet-connected PC is a violation the user must hear of.
        boolean national = verdict.highest().map(org.secrecyguard.engine.Level::isNationalSecret).orElse(false);
        pipeline.carryOut(Transfer.toDrive(facts, volume), outcome,
                join(outcome.note(), "on the drive when it was plugged in"), national ? Action.WARN : Action.AUDIT,
                Enforcer.reportOnly(""));
    }

    /** Judges one settled file and carries the policy's action out (on the scan thread). */
    private void check(Path file, RemovableVolume volume) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        GuardEvent.MovedFile facts;
        try {
            facts = GuardEvent.MovedFile.of(file);
        } catch (IOException e) {
            return; // removed or the drive pulled while settling
        }
        ScanOutcome outcome = scanner.scanFile(file);
        Instant time = clock.instant();
        pipeline.decideAndCarryOut(Transfer.toDrive(facts, volume), outcome, outcome.note(),
                new QuarantineEnforcer(quarantine, file, facts.size(), time, restored, scans));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }


    /** A drive and the watch over its folders. */
    private record Watched(RemovableVolume volume, FolderWatch watch) {
    }

    /** Wiring for {@link DriveGuard}; media, context and quarantine are required. */
    public static final class Builder {
        private RemovableMedia media;
        private GuardContext context;
        private Path quarantine;
        private Duration pollPeriod = Duration.ofSeconds(2);
        private Duration settle = Duration.ofMillis(1500);

        public Builder media(RemovableMedia media) {
            this.media = media;
            return this;
        }

        /** The scanner, policy, event log, popups and clock shared with the other channels. */
        public Builder context(GuardContext context) {
            this.context = context;
            return this;
        }

        /** The local folder for files taken off drives (on the PC, not on a drive). */
        public Builder quarantine(Path folder) {
            this.quarantine = folder;
            return this;
        }

        /** How often the mounted volumes and their watches are looked at (default 2 s). */
        public Builder pollPeriod(Duration period) {
            this.pollPeriod = period;
            return this;
        }

        /** How long a file must stay unchanged before it is judged (default 1.5 s). */
        public Builder settle(Duration settle) {
            this.settle = settle;
            return this;
        }

        public DriveGuard build() {
            return new DriveGuard(this);
        }
    }
}

package org.secrecyguard.channel.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.FolderWatch;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.SettlingFiles;
import org.secrecyguard.channel.UserNotifier;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.RemovableMedia;
import org.secrecyguard.platform.RemovableVolume;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

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
 * {@value Inventory#MAX_FILES} files and 10 minutes, on a low-priority thread): on an internet-connected
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

    private final RemovableMedia media;
    private final ContentScanner scanner;
    private final DrivePolicy policy;
    private final EventSink events;
    private final UserNotifier notifier;
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
    /** False until the first round has seen the drives that were there at start. */
    private boolean started;
    private volatile ChannelHealth health = ChannelHealth.stopped();

    private DriveGuard(Builder b) {
        this.media = Objects.requireNonNull(b.media, "media");
        this.scanner = Objects.requireNonNull(b.scanner, "scanner");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.events = Objects.requireNonNull(b.events, "events");
        this.notifier = Objects.requireNonNull(b.notifier, "notifier");
        this.quarantine = new Quarantine(Objects.requireNonNull(b.quarantine, "quarantine"));
        this.clock = b.clock;
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
                        if (!isOwnRestore(file)) {
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
        boolean[] truncated = {false};
        List<Path> files;
        try {
            files = Inventory.files(volume.root(), truncated);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list removable drive " + volume.describe(), e);
            return;
        }
        long deadline = System.nanoTime() + Inventory.BUDGET.toNanos();
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
        LOG.info(() -> "inventory of " + volume.describe() + ": " + done + " files looked at"
                + (truncated[0] || done < files.size() ? " (not all: limit reached)" : ""));
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
        Instant time = clock.instant();
        boolean national = verdict.highest().map(org.secrecyguard.engine.Level::isNationalSecret).orElse(false);
        String note = join(outcome.note(), "on the drive when it was plugged in");
        if (national) {
            notifier.warn(new GuardAlert(Action.WARN, Channel.REMOVABLE_DRIVE, ContentKind.FILES, verdict,
                    volume.describe(), time));
            record(time, Action.WARN, GuardEvent.Outcome.WARNED, verdict, volume, facts, "", note);
        } else {
            record(time, Action.AUDIT, GuardEvent.Outcome.AUDITED, verdict, volume, facts, "", note);
        }
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
        Verdict verdict = outcome.verdict();
        Instant time = clock.instant();
        if (verdict.isClean()) {
            if (!outcome.complete()) {
                record(time, Action.AUDIT, GuardEvent.Outcome.AUDITED, verdict, volume, facts, "",
                        "not fully checked: " + outcome.note());
            }
            return;
        }
        Action action = policy.decide(verdict, volume, ZonedDateTime.ofInstant(time, clock.getZone()));
        GuardAlert alert = new GuardAlert(action, Channel.REMOVABLE_DRIVE, ContentKind.FILES, verdict,
                volume.describe(), time);
        switch (action) {
            case ALLOW -> { }
            case AUDIT -> record(time, action, GuardEvent.Outcome.AUDITED, verdict, volume, facts, "", outcome.note());
            case WARN -> {
                notifier.warn(alert);
                record(time, action, GuardEvent.Outcome.WARNED, verdict, volume, facts, "", outcome.note());
            }
            case BLOCK, BLOCK_OVERRIDABLE -> block(file, volume, facts, alert, outcome.note());
            default -> throw new IllegalStateException("unknown action " + action);
        }
    }

    private void block(Path file, RemovableVolume volume, GuardEvent.MovedFile facts, GuardAlert alert, String note) {
        Path kept;
        try {
            kept = quarantine.take(file, alert.time());
        } catch (IOException e) {
            // Could not take it off the drive (locked, read-only, pulled): say so honestly.
            LOG.log(Level.WARNING, "could not move a flagged file off " + volume.describe(), e);
            notifier.warn(alert);
            record(alert.time(), alert.action(), GuardEvent.Outcome.WARNED, alert.verdict(), volume, facts, "",
                    join(note, "could not move the file off the drive: " + e.getClass().getSimpleName()));
            return;
        }
        String where = join(note, "moved to quarantine " + kept.getFileName());
        if (alert.action() == Action.BLOCK) {
            notifier.blocked(alert);
            record(alert.time(), alert.action(), GuardEvent.Outcome.BLOCKED, alert.verdict(), volume, facts, "", where);
            return;
        }
        record(alert.time(), alert.action(), GuardEvent.Outcome.BLOCKED, alert.verdict(), volume, facts, "", where);
        // The answer comes on the UI thread; moving a file back is I/O, so it runs on the scan thread.
        ExecutorService exec = scans;
        notifier.askOverride(alert).whenComplete((reason, error) -> {
            if (error == null && exec != null && !exec.isShutdown()) {
                exec.execute(() -> overridden(reason, kept, file, volume, facts, alert));
            }
        });
    }

    private void overridden(Optional<String> reason, Path kept, Path original, RemovableVolume volume,
                            GuardEvent.MovedFile facts, GuardAlert alert) {
        if (reason.isEmpty() || reason.get().strip().length() < 10) {
            return;
        }
        try {
            restored.put(original, facts.size());
            quarantine.restore(kept, original);
            record(clock.instant(), alert.action(), GuardEvent.Outcome.OVERRIDDEN, alert.verdict(), volume, facts,
                    reason.get().strip(), "put back on the drive");
        } catch (IOException e) {
            restored.remove(original);
            LOG.log(Level.WARNING, "could not put an overridden file back on " + volume.describe(), e);
            record(clock.instant(), alert.action(), GuardEvent.Outcome.BLOCKED, alert.verdict(), volume, facts,
                    reason.get().strip(), "override given but the file could not be put back: still in quarantine "
                            + kept.getFileName());
        }
    }

    private void record(Instant time, Action action, GuardEvent.Outcome outcome, Verdict verdict,
                        RemovableVolume volume, GuardEvent.MovedFile facts, String reason, String note) {
        try {
            events.record(new GuardEvent(time, Channel.REMOVABLE_DRIVE, action, outcome, ContentKind.FILES, verdict,
                    volume.describe(), reason, note, facts, volume));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "event log failed", e);
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }


    /** A drive and the watch over its folders. */
    private record Watched(RemovableVolume volume, FolderWatch watch) {
    }

    /** Wiring for {@link DriveGuard}; media, scanner, policy, events, notifier and quarantine are required. */
    public static final class Builder {
        private RemovableMedia media;
        private ContentScanner scanner;
        private DrivePolicy policy;
        private EventSink events;
        private UserNotifier notifier;
        private Path quarantine;
        private Clock clock = Clock.systemDefaultZone();
        private Duration pollPeriod = Duration.ofSeconds(2);
        private Duration settle = Duration.ofMillis(1500);

        public Builder media(RemovableMedia media) {
            this.media = media;
            return this;
        }

        public Builder scanner(ContentScanner scanner) {
            this.scanner = scanner;
            return this;
        }

        public Builder policy(DrivePolicy policy) {
            this.policy = policy;
            return this;
        }

        public Builder events(EventSink events) {
            this.events = events;
            return this;
        }

        public Builder notifier(UserNotifier notifier) {
            this.notifier = notifier;
            return this;
        }

        /** The local folder for files taken off drives (on the PC, not on a drive). */
        public Builder quarantine(Path folder) {
            this.quarantine = folder;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
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

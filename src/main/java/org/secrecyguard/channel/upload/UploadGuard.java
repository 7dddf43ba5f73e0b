package org.secrecyguard.channel.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.channel.Enforcer;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.GuardPipeline;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.Transfer;
import org.secrecyguard.onaccess.OverrideGrants;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.FileAccessGate.FileIdentity;
import org.secrecyguard.platform.FileHold;
import org.secrecyguard.platform.FilePickerWatch;
import org.secrecyguard.platform.PickerSelection;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.policy.Channel;

/**
 * The upload channel where the OS has no on-access hold (Windows): a file chosen in the file picker of
 * a destination program (chat client, browser, cloud drive: {@code DestinationProcesses}, the same
 * list as the fanotify guard) is checked while the dialog is still open; when the policy blocks it,
 * the file is held with share mode 0 ({@link FileHold}) so that the program cannot read it, and the
 * block popup is shown. An override with a reason releases it and lets that (file, program) pair
 * through for a minute ({@link OverrideGrants}, shared with the fanotify guard); otherwise the hold
 * ends {@code afterDialog} after the dialog closed (the program has tried and given up by then) or at
 * {@code maxHold}. A file that cannot be held (the program or another one has it open) is warned
 * about and logged as not held: the popup never claims a block that did not happen.
 *
 * <p>Everything runs on one channel thread (selections, scans, timers, releases), so its state needs
 * no locks; the watch's thread only hands selections over. Scans keep to the scanner's own budgets.
 */
public final class UploadGuard implements GuardChannel {
    private static final Logger LOG = Logger.getLogger(UploadGuard.class.getName());
    static final Duration AFTER_DIALOG = Duration.ofSeconds(30);
    static final Duration MAX_HOLD = Duration.ofMinutes(5);
    static final int HOLD_ATTEMPTS = 3;
    static final Duration HOLD_RETRY = Duration.ofMillis(100);

    private final Supplier<FilePickerWatch> watches;
    private final FileHold hold;
    private final Function<String, Optional<String>> destinations;
    private final OverrideGrants grants;
    private final GuardPipeline pipeline;
    private final Duration afterDialog;
    private final Duration maxHold;
    private final HeldFiles held = new HeldFiles();
    /** (dialog, file) pairs judged already: a dialog reports the same choice at selection and at its end. */
    private final Set<String> judged = new HashSet<>();
    private volatile ScheduledExecutorService worker;
    private FilePickerWatch watch;
    private volatile ChannelHealth health = ChannelHealth.stopped();

    private UploadGuard(Builder b) {
        this.watches = Objects.requireNonNull(b.watch, "watch");
        this.hold = Objects.requireNonNull(b.hold, "hold");
        this.destinations = Objects.requireNonNull(b.destinations, "destinations");
        this.grants = Objects.requireNonNull(b.grants, "grants");
        this.pipeline = new GuardPipeline(Objects.requireNonNull(b.context, "context"));
        this.afterDialog = b.afterDialog;
        this.maxHold = b.maxHold;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Channel kind() {
        return Channel.UPLOAD_DIALOG;
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        java.util.concurrent.ScheduledThreadPoolExecutor w =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, DaemonThreads.named("upload-guard"));
        w.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // stop() releases the holds at once
        FilePickerWatch pickers = watches.get();
        worker = w; // before the watch starts: its first selection schedules on it
        try {
            pickers.start(selection -> {
                try {
                    w.execute(() -> onSelection(selection));
                } catch (RejectedExecutionException stopping) {
                    // the channel is stopping: nothing to do
                }
            });
        } catch (PlatformUnavailableException e) {
            w.shutdownNow();
            worker = null;
            health = new ChannelHealth(ChannelHealth.State.DOWN, List.of(e.limitation().code()));
            LOG.warning("file pickers cannot be watched: " + e.getMessage());
            return;
        }
        watch = pickers;
        health = ChannelHealth.up();
    }

    @Override
    public synchronized void stop() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (worker != null) {
            ScheduledExecutorService w = worker;
            worker = null;
            w.execute(held::releaseAll); // never leave a file held behind us
            w.shutdown();
            try {
                w.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        health = ChannelHealth.stopped();
    }

    @Override
    public ChannelHealth health() {
        return health;
    }

    private void onSelection(PickerSelection s) {
        Optional<String> destination = destinations.apply(s.executable());
        if (destination.isEmpty()) {
            return; // not a program files leave through: never judged, never held
        }
        if (s.phase() == PickerSelection.Phase.DIALOG_END) {
            later(() -> dialogGone(s.dialog()), afterDialog);
        }
        for (Path file : s.chosen()) {
            try {
                judge(s, destination.get(), file);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not judge a file chosen in " + destination.get(), e);
            }
        }
        if (!s.unresolved().isEmpty()) {
            LOG.fine(() -> s.unresolved().size() + " chosen name(s) without a known folder in " + destination.get());
        }
    }

    private void judge(PickerSelection s, String destination, Path file) {
        if (!Files.isRegularFile(file)) {
            return; // a folder opened, or a name still being typed
        }
        String key = s.dialog() + "|" + file;
        if (judged.size() > 4096) {
            judged.clear(); // dialogs whose end was never seen: judging a file again is harmless
        }
        if (!judged.add(key)) {
            return;
        }
        FileIdentity identity;
        try {
            identity = PickedFileIdentity.of(file);
        } catch (IOException e) {
            return; // gone since it was chosen
        }
        boolean granted = grants.allows(identity, s.executable());
        ScanOutcome outcome = pipeline.context().scanner().scanFile(file);
        GuardEvent.MovedFile facts;
        try {
            facts = GuardEvent.MovedFile.of(file);
        } catch (IOException e) {
            facts = new GuardEvent.MovedFile(file.getFileName().toString(), identity.size(), "");
        }
        String shownAs = destination + " (" + baseName(s.executable()) + ")";
        // "" as the policy's application: the program is a destination by DestinationProcesses already.
        Transfer transfer = new Transfer(Channel.UPLOAD_DIALOG, ContentKind.FILES, "", shownAs, facts, null);
        String note = s.phase() == PickerSelection.Phase.DIALOG_END
                ? "first seen when the dialog ended: the program may have read it before the hold"
                : "";
        Enforcer enforcer = new HoldWhilePicked(s.dialog(), file, identity, s.executable(), destination);
        if (granted) {
            // Overridden with a reason within the minute (logged then): let through, nothing more to log.
            pipeline.carryOut(transfer, outcome, note, org.secrecyguard.policy.Action.ALLOW, enforcer);
            return;
        }
        pipeline.decideAndCarryOut(transfer, outcome, note, enforcer);
    }

    private void dialogGone(long dialog) {
        int released = held.releaseDialog(dialog);
        judged.removeIf(k -> k.startsWith(dialog + "|"));
        if (released > 0) {
            LOG.info(released + " held file(s) released " + afterDialog.toMillis() + " ms after their dialog closed");
        }
    }

    /** Runs {@code task} on the channel's thread after {@code d}; nothing once the channel stopped. */
    private void later(Runnable task, Duration d) {
        ScheduledExecutorService w = worker;
        if (w == null) {
            return; // stopping: stop() releases every hold
        }
        try {
            w.schedule(task, d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the same
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String baseName(String executable) {
        int cut = Math.max(executable.lastIndexOf('/'), executable.lastIndexOf('\\'));
        return executable.substring(cut + 1);
    }

    /** Holds the chosen file for the decision; an override releases it and grants the minute. */
    private final class HoldWhilePicked implements Enforcer {
        private final long dialog;
        private final Path file;
        private final FileIdentity identity;
        private final String executable;
        private final String destination;

        HoldWhilePicked(long dialog, Path file, FileIdentity identity, String executable, String destination) {
            this.dialog = dialog;
            this.file = file;
            this.identity = identity;
            this.executable = executable;
            this.destination = destination;
        }

        @Override
        public String stop() throws CannotStop {
            if (held.isHeld(file)) {
                return "held (already)";
            }
            FileHold.Result r = hold.hold(file);
            for (int attempt = 1; r instanceof FileHold.NotHeld && attempt < HOLD_ATTEMPTS; attempt++) {
                // The dialog's own preview or thumbnail handler may have the file open for a moment.
                pause(HOLD_RETRY);
                r = hold.hold(file);
            }
            if (r instanceof FileHold.NotHeld notHeld) {
                throw new CannotStop("could not be held: " + notHeld.reason());
            }
            FileHold.Held h = (FileHold.Held) r;
            held.add(dialog, h);
            later(() -> {
                if (held.release(file)) {
                    LOG.info("a held file was released at the hold's time limit");
                }
            }, maxHold);
            return "held: " + destination + " cannot open it until the user decides or the dialog has closed";
        }

        @Override
        public String release() {
            held.release(file);
            grants.grant(identity, executable);
            return "released: " + destination + " may read it for " + OverrideGrants.WINDOW.toSeconds() + " s";
        }

        @Override
        public Executor releaseThread() {
            ScheduledExecutorService w = worker;
            if (w == null) {
                throw new RejectedExecutionException("stopped");
            }
            return w;
        }
    }

    /** Builds an {@link UploadGuard}; watch, hold, destinations, grants and context are required. */
    public static final class Builder {
        private Supplier<FilePickerWatch> watch;
        private FileHold hold;
        private Function<String, Optional<String>> destinations;
        private OverrideGrants grants;
        private GuardContext context;
        private Duration afterDialog = AFTER_DIALOG;
        private Duration maxHold = MAX_HOLD;

        public Builder watch(Supplier<FilePickerWatch> watch) {
            this.watch = watch;
            return this;
        }

        public Builder hold(FileHold hold) {
            this.hold = hold;
            return this;
        }

        /** Which program an executable path is a destination of ("WeChat"), empty for other programs. */
        public Builder destinations(Function<String, Optional<String>> destinations) {
            this.destinations = destinations;
            return this;
        }

        public Builder grants(OverrideGrants grants) {
            this.grants = grants;
            return this;
        }

        public Builder context(GuardContext context) {
            this.context = context;
            return this;
        }

        /** How long a held file stays held after its dialog closed. */
        public Builder afterDialog(Duration d) {
            this.afterDialog = d;
            return this;
        }

        /** The longest a file is held when the dialog's end is never seen. */
        public Builder maxHold(Duration d) {
            this.maxHold = d;
            return this;
        }

        public UploadGuard build() {
            return new UploadGuard(this);
        }
    }
}

package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.platform.DesktopSession;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.rules.EngineBuilder;
import org.secrecyguard.rules.RuleSnapshot;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.scan.ProductVersion;
import org.secrecyguard.selfcheck.BusySignal;
import org.secrecyguard.selfcheck.Cancel;
import org.secrecyguard.selfcheck.CheckSummary;
import org.secrecyguard.selfcheck.CsvReport;
import org.secrecyguard.selfcheck.HtmlReport;
import org.secrecyguard.selfcheck.RulesKey;
import org.secrecyguard.selfcheck.SelfCheckJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code secrecy-guard check [--full] [--resume] [PATH...]}: the self-check (保密自查). Without paths it
 * checks the user's disks (fixed drives on Windows; home and mounted data disks on Linux). A second
 * check reads only what changed; Ctrl-C stops it cleanly and {@code --resume} continues. Exit 0 nothing
 * flagged, 1 something flagged, 2 files could not be checked or the check did not finish.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Self-check (保密自查): find classified and internal files on this PC's disks.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "Read every file again, whatever the index says.")
    boolean full;

    @Option(names = "--resume", description = "Continue the last check if it did not finish.")
    boolean resume;

    @Option(names = "--removable", description = "Also check mounted removable drives (default roots only).")
    boolean removable;

    @Option(names = "--rules", paramLabel = "DB", description = "Rules database (default: the app's rules.db if present, else built-in baseline rules).")
    Path rulesDb;

    @Option(names = "--index", paramLabel = "FILE", description = "The self-check index (default: selfcheck.db in the app's data folder).")
    Path indexFile;

    @Option(names = "--events", paramLabel = "FILE", description = "Event log to record the SELF_CHECK event in (default: the app's events.db).")
    Path eventsFile;

    @Option(names = "--no-events", description = "Record no event.")
    boolean noEvents;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the flagged files as CSV.")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a printable report page.")
    Path html;

    @Option(names = "--no-ocr", description = "Do not read pictures (listed as not checked).")
    boolean noOcr;

    @Option(names = "--tessdata", paramLabel = "DIR", description = "Tesseract language data folder.")
    Path tessdata;

    @Option(names = "--threads", description = "Files read in parallel (default: ${DEFAULT-VALUE}).")
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    @Option(names = "--busy-seconds", paramLabel = "N",
            description = "Pause while the user gave input in the last N seconds or the PC runs on battery (0: never pause; default ${DEFAULT-VALUE}).")
    int busySeconds = 5;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders or files (default: this PC's disks).")
    List<Path> paths = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path data = DataFolder.current();
        Path rules = rulesDb != null ? rulesDb : Files.isRegularFile(data.resolve("rules.db")) ? data.resolve("rules.db") : null;
        Engine engine;
        RulesKey key;
        String code = ProductVersion.current();
        if (rules == null) {
            engine = Baseline.engine();
            key = RulesKey.baseline(code, !noOcr);
        } else {
            if (!Files.isRegularFile(rules)) {
                throw new IllegalArgumentException("--rules: no rules database at " + rules);
            }
            RuleSnapshot snapshot;
            try (RuleStore store = RuleStore.open(rules)) {
                snapshot = store.loadSnapshot();
            }
            engine = EngineBuilder.build(snapshot);
            key = RulesKey.of(snapshot, code, !noOcr);
        }
        Path index = indexFile != null ? indexFile : data.resolve("selfcheck.db");
        EventLog log = noEvents ? null : EventLog.open(eventsFile != null ? eventsFile : data.resolve("events.db"));
        BusySignal busy = busySeconds <= 0 ? BusySignal.NEVER
                : BusySignal.fromInput(Platforms.userActivity(DesktopSession.detect()), Duration.ofSeconds(busySeconds))
                        .or(BusySignal.sampled(org.secrecyguard.platform.BatteryPower::onBattery, Duration.ofSeconds(30)));
        SelfCheckJob job = new SelfCheckJob(index, () -> engine, key, engine.rulesVersion(), log, Platforms.localDisks(),
                List.of(data), busy, Platforms.backgroundPriority(), threads, !noOcr, tessdata);
        List<Path> roots = !paths.isEmpty() ? paths : resume ? List.of() : job.defaultRoots(removable);
        Cancel cancel = new Cancel();
        AtomicReference<CheckSummary> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CliCheckProgress progress = new CliCheckProgress(err);
        Thread worker = new Thread(() -> {
            try {
                result.set(job.run(roots, full, resume, progress, cancel));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "self-check-main");
        // Ctrl-C: stop after the files being read, record where the check stood, then let the JVM end.
        Thread stop = new Thread(() -> {
            cancel.cancel();
            try {
                worker.join(20_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            err.flush();
        }, "self-check-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        worker.start();
        worker.join();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for us
        }
        try {
            if (failure.get() != null) {
                throw new IllegalStateException(String.valueOf(failure.get().getMessage()), failure.get());
            }
            CheckSummary s = result.get();
            progress.summary(s);
            if (csv != null) {
                CsvReport.write(s.flagged(), csv, ZoneId.systemDefault());
                err.println("report: " + csv);
            }
            if (html != null) {
                Event who = Event.system(EventKind.SELF_CHECK, null).build(); // this PC's name and user, as events give them
                HtmlReport.write(s, who.host(), who.user(), Instant.now(), ZoneId.systemDefault(), html);
                err.println("report: " + html);
            }
            for (var f : s.flagged()) {
                out.println(f.level().chinese() + "\t" + f.verdict() + "\t" + f.path() + "\t"
                        + f.findings().stream().map(x -> x.rule()).distinct().reduce((a, b) -> a + " " + b).orElse(""));
            }
            out.flush();
            err.flush();
            if (!s.completed() || s.errorCount() > 0) {
                return ExitCodes.ERROR;
            }
            return s.flaggedCount() > 0 ? ExitCodes.FLAGGED : ExitCodes.OK;
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }
}

package org.secrecyguard.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.UserNotifier;
import org.secrecyguard.channel.clipboard.ClipboardGuard;
import org.secrecyguard.channel.clipboard.VerdictReport;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.platform.AwtSystemClipboard;
import org.secrecyguard.platform.linux.X11ClipboardWatch;
import org.secrecyguard.platform.linux.X11ForegroundWindow;
import org.secrecyguard.policy.Action;
import org.secrecyguard.scan.ScanResult;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code secrecy-guard bench clipboard}: clipboard change → verdict latency through the real X11 watch.
 * Each round another process (xclip) copies a new paragraph (every other one marked, all different so
 * the verdict cache never answers); the guard's verdict listener records the time from the XFixes
 * notification to the verdict, and the time from starting xclip to the verdict. The policy only
 * audits, so the clipboard is never rewritten and every round measures the same path. Linux/X11
 * only (run under xvfb-run on a server). Bench commands measure the lower layers directly, so this
 * one uses the channel and platform packages.
 */
@Command(name = "clipboard", description = "Clipboard change → verdict latency through the X11 watch (needs X and xclip).")
final class BenchClipboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", description = "measured copies (default ${DEFAULT-VALUE})", defaultValue = "300")
    int rounds;

    @Option(names = "--warmup", description = "copies before measuring (default ${DEFAULT-VALUE})", defaultValue = "30")
    int warmup;

    @Option(names = "--chars", description = "characters per copied paragraph (default ${DEFAULT-VALUE})",
            defaultValue = "2000")
    int chars;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (System.getenv("DISPLAY") == null) {
            spec.commandLine().getErr().println("error: needs an X display (run under xvfb-run) and xclip");
            return ExitCodes.ERROR;
        }
        // One log line per verdict would measure the console, not the guard.
        java.util.logging.Logger quiet = java.util.logging.Logger.getLogger("org.secrecyguard");
        java.util.logging.Level levelBefore = quiet.getLevel();
        quiet.setLevel(java.util.logging.Level.WARNING);
        try {
            return measure(out);
        } finally {
            quiet.setLevel(levelBefore);
        }
    }

    private Integer measure(PrintWriter out) throws Exception {
        BlockingQueue<VerdictReport> reports = new LinkedBlockingQueue<>();
        try (Scanner scanner = Scanners.forFiles(Baseline::engine, false);
             X11ForegroundWindow foreground = new X11ForegroundWindow()) {
            ClipboardGuard guard = ClipboardGuard.builder()
                    .watch(X11ClipboardWatch::new)
                    .clipboard(new AwtSystemClipboard())
                    .foreground(foreground)
                    .context(new org.secrecyguard.channel.GuardContext(new TextOnly(scanner),
                            (v, transfer, t) -> v.isClean() ? Action.ALLOW : Action.AUDIT, e -> { }, new Silent(),
                            java.time.Clock.systemDefaultZone()))
                    .build();
            guard.addVerdictListener(reports::add);
            guard.start();
            if (!guard.health().ok() && guard.health().state() != org.secrecyguard.channel.ChannelHealth.State.DEGRADED) {
                spec.commandLine().getErr().println("error: clipboard watch not running: " + guard.health());
                return ExitCodes.ERROR;
            }
            List<Double> watchToVerdict = new ArrayList<>();
            List<Double> copyToVerdict = new ArrayList<>();
            int flagged = 0;
            for (int i = 0; i < warmup + rounds; i++) {
                String text = paragraph(i, chars);
                long start = System.nanoTime();
                xclip(text);
                VerdictReport r = reports.poll(5, TimeUnit.SECONDS);
                if (r == null) {
                    spec.commandLine().getErr().println("error: no verdict within 5 s for copy " + i);
                    guard.stop();
                    return ExitCodes.ERROR;
                }
                if (i >= warmup) {
                    watchToVerdict.add(r.latencyMillis());
                    copyToVerdict.add((r.judgedNanos() - start) / 1e6);
                    flagged += r.outcome().verdict().isClean() ? 0 : 1;
                }
            }
            guard.stop();
            out.printf("clipboard bench: %d copies of %d chars (%d marked), %d warm-up, X11 XFixes watch%n",
                    rounds, chars, flagged, warmup);
            out.println("  XFixes notification -> verdict (ms): " + stats(watchToVerdict));
            out.println("  xclip started       -> verdict (ms): " + stats(copyToVerdict));
            out.println("  (the second includes starting the xclip process and its taking the selection)");
            return ExitCodes.OK;
        }
    }

    static String paragraph(int i, int chars) {
        StringBuilder sb = new StringBuilder();
        if (i % 2 == 0) {
            sb.append("机密★1年\n");
        }
        sb.append("关于第").append(i).append("号事项的通知\n");
        String filler = "各有关单位：根据工作安排，现就有关事项通知如下，请结合实际认真贯彻落实。";
        while (sb.length() < chars) {
            sb.append(filler);
        }
        return sb.substring(0, chars);
    }

    private static void xclip(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xclip", "-selection", "clipboard", "-t", "UTF8_STRING", "-i").start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("xclip did not start");
        }
    }

    static String stats(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        return String.format("p50 %.2f  p90 %.2f  p99 %.2f  max %.2f", pct(v, 50), pct(v, 90), pct(v, 99),
                v.get(v.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    /** The real scanner for text; pictures and files are not part of this benchmark. */
    private record TextOnly(Scanner scanner) implements ContentScanner {
        @Override
        public ScanOutcome scanText(String text, String where) {
            ScanResult r = scanner.scanText(text, where);
            return new ScanOutcome(r.verdict(), !r.isError(), r.message());
        }

        @Override
        public ScanOutcome scanImage(BufferedImage image, String where) {
            return ScanOutcome.incomplete(org.secrecyguard.engine.Verdict.CLEAN, "not benchmarked");
        }

        @Override
        public ScanOutcome scanFile(Path file) {
            return ScanOutcome.incomplete(org.secrecyguard.engine.Verdict.CLEAN, "not benchmarked");
        }

        @Override
        public String rulesVersion() {
            return scanner.engine().rulesVersion();
        }
    }

    private static final class Silent implements UserNotifier {
        @Override
        public void warn(GuardAlert alert) {
        }

        @Override
        public void blocked(GuardAlert alert) {
        }

        @Override
        public CompletableFuture<Optional<String>> askOverride(GuardAlert alert) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }
}

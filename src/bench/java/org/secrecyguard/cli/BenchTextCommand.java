package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.TextDetector;
import org.secrecyguard.engine.keyword.KeywordDetector;
import org.secrecyguard.engine.keyword.KeywordHasher;
import org.secrecyguard.engine.keyword.KeywordRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code secrecy-guard bench text}: times the text detectors (the baseline marking detectors plus a
 * keyword detector with N hashed keywords) against a java.util.regex alternation of the same plaintext
 * keywords and marking patterns, single-threaded, on one generated corpus in the same run, after a
 * warm-up. Throughput is counted in UTF-8 bytes of input; the engine side includes normalisation.
 */
@Command(name = "text", description = "Benchmark marking + keyword detection against a regex alternation.")
final class BenchTextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mb", defaultValue = "50", description = "Corpus size in MB of UTF-8 (default: ${DEFAULT-VALUE}).")
    double megabytes;

    @Option(names = "--keywords", defaultValue = "1000", description = "Number of keywords (default: ${DEFAULT-VALUE}).")
    int keywordCount;

    @Option(names = "--seconds", defaultValue = "5",
            description = "Minimum measuring time per side; at least one full pass (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up seconds per side (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--seed", defaultValue = "20260101", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-regex", negatable = false,
            description = "Skip the (slow) regex side, for quick iterations; keyword counts are then not compared.")
    boolean noRegex;

    @Override
    public Integer call() {
        if (megabytes <= 0 || keywordCount < 1 || seconds < 0 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--mb and --keywords must be positive, --seconds and --warmup not negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        SyntheticOfficialCorpus.Corpus corpus = SyntheticOfficialCorpus.generate(seed, megabytes, keywordCount);
        out.printf(Locale.ROOT, "corpus: %s, seed %d%n", corpus.describe(), seed);

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        KeywordHasher hasher = new KeywordHasher(key);
        List<KeywordRule> rules = new ArrayList<>(corpus.keywords().size());
        for (int i = 0; i < corpus.keywords().size(); i++) {
            rules.add(hasher.rule("kw:" + i, corpus.levels().get(i), corpus.keywords().get(i)));
        }
        KeywordDetector keywords = new KeywordDetector(key, rules);
        List<TextDetector> detectors = engineDetectors(keywords);
        Engine engine = new Engine(detectors, "bench");
        out.printf(Locale.ROOT, "engine: %s; %d keywords in %d window classes, %,d bytes of prefilter tables%n",
                names(detectors), keywords.ruleCount(), keywords.windowClassCount(), keywords.tableBytes());
        RegexTextBaseline regex = new RegexTextBaseline(corpus.keywords());
        out.printf(Locale.ROOT, "regex:  one java.util.regex alternation of %d keywords + marking patterns%n",
                corpus.keywords().size());
        out.flush();

        List<List<String>> rawDocs = new ArrayList<>();
        for (SyntheticOfficialCorpus.Doc d : corpus.documents()) {
            rawDocs.add(d.segments().stream().map(Segment::text).toList());
        }

        long[] engineCounts = new long[DetectorType.values().length];
        long[] findingsChecksum = new long[1];
        Measured normalise = measure(() -> {
            for (SyntheticOfficialCorpus.Doc d : corpus.documents()) {
                new DocumentText(d.segments());
            }
        });
        Measured engineTime = measure(() -> {
            java.util.Arrays.fill(engineCounts, 0);
            long checksum = 0;
            for (SyntheticOfficialCorpus.Doc d : corpus.documents()) {
                List<String> described = new ArrayList<>();
                for (Finding f : engine.inspect(new DocumentText(d.segments())).findings()) {
                    engineCounts[f.detector().ordinal()]++;
                    described.add(f.toString()); // not hashCode(): enum hash codes vary per run
                }
                described.sort(null); // the order detectors report in is not part of the result
                for (String f : described) {
                    checksum = checksum * 31 + f.hashCode();
                }
            }
            findingsChecksum[0] = checksum;
        });
        report(out, "normalise only", normalise, corpus);
        List<DocumentText> normalised = new ArrayList<>(corpus.documents().size());
        for (SyntheticOfficialCorpus.Doc d : corpus.documents()) {
            normalised.add(new DocumentText(d.segments()));
        }
        for (TextDetector detector : detectors) {
            Measured alone = measure(() -> {
                for (DocumentText doc : normalised) {
                    detector.detect(doc, f -> { });
                }
            });
            report(out, detector.getClass().getSimpleName() + " alone", alone, corpus);
        }
        normalised.clear();
        report(out, "engine (normalise + detect)", engineTime, corpus);
        // Findings (masked evidence only), documents in order, each document's findings sorted; equal
        // before and after a change to the engine means the change did not alter what is reported.
        out.printf(Locale.ROOT, "engine findings: keyword %d, marking %d, checksum %016x%n",
                engineCounts[DetectorType.KEYWORD.ordinal()], engineCounts[DetectorType.MARKING.ordinal()],
                findingsChecksum[0]);
        if (noRegex) {
            out.println("regex side skipped (--no-regex): keyword counts not compared");
            out.flush();
            return ExitCodes.OK;
        }

        long[] regexCounts = new long[2];
        int warmDocs = Math.max(1, (int) Math.ceil(corpus.documents().size() * Math.min(1.0, 2.0 / megabytes)));
        warmUp(() -> {
            for (int i = 0; i < warmDocs; i++) {
                regex.scan(rawDocs.get(i));
            }
        });
        out.println("regex: measuring (one full pass at least; slow by nature)...");
        out.flush();
        Measured regexTime = timed(() -> {
            regexCounts[0] = 0;
            regexCounts[1] = 0;
            for (List<String> doc : rawDocs) {
                RegexTextBaseline.Counts c = regex.scan(doc);
                regexCounts[0] += c.keywords();
                regexCounts[1] += c.markings();
            }
        });
        report(out, "regex alternation", regexTime, corpus);

        out.printf(Locale.ROOT, "speed ratio engine/regex: %.1fx (CPU time), %.1fx (wall)%n",
                regexTime.cpuNanosPerPass() / engineTime.cpuNanosPerPass(),
                regexTime.nanosPerPass() / engineTime.nanosPerPass());
        long engineKeywords = engineCounts[DetectorType.KEYWORD.ordinal()];
        out.printf(Locale.ROOT, "findings: engine keyword %d, marking %d; regex keyword %d, marking %d (regex markings"
                        + " include prose mentions and are not expected to agree)%n",
                engineKeywords, engineCounts[DetectorType.MARKING.ordinal()], regexCounts[0], regexCounts[1]);
        if (engineKeywords == regexCounts[0]) {
            out.printf(Locale.ROOT, "keyword findings agree: %d%n", engineKeywords);
        } else {
            out.printf(Locale.ROOT, "WARNING: keyword findings differ: engine %d, regex %d%n", engineKeywords, regexCounts[0]);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The engine side: the baseline detectors (the {@code MarkingDetector} for every level, as shipped)
     * plus the keyword detector.
     */
    static List<TextDetector> engineDetectors(KeywordDetector keywords) {
        List<TextDetector> detectors = new ArrayList<>(Baseline.engine().detectors());
        detectors.add(keywords);
        return detectors;
    }

    private static String names(List<TextDetector> detectors) {
        return String.join(" + ", detectors.stream().map(d -> d.getClass().getSimpleName()).toList());
    }

    /**
     * Passes and the time spent in them: wall-clock, and CPU time of this thread. The machine this runs on
     * may be shared, so the CPU time is the better per-core figure; both are printed.
     */
    private record Measured(int passes, long nanos, long cpuNanos) {
        double nanosPerPass() {
            return (double) nanos / passes;
        }

        double cpuNanosPerPass() {
            return (double) cpuNanos / passes;
        }
    }

    private Measured measure(Runnable pass) {
        warmUp(pass);
        return timed(pass);
    }

    private void warmUp(Runnable pass) {
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            pass.run();
        } while (System.nanoTime() < end);
    }

    private Measured timed(Runnable pass) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int passes = 0;
        long now;
        do {
            pass.run();
            passes++;
            now = System.nanoTime();
        } while (now < end);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        return new Measured(passes, now - start, cpuStart < 0 ? now - start : cpu);
    }

    private static void report(PrintWriter out, String label, Measured m, SyntheticOfficialCorpus.Corpus corpus) {
        double cpuSeconds = m.cpuNanosPerPass() / 1e9;
        double wallSeconds = m.nanosPerPass() / 1e9;
        out.printf(Locale.ROOT, "%-28s %8.1f MB/s %8.2f Mchars/s per CPU-second | wall %8.1f MB/s (%d pass%s)%n",
                label, corpus.utf8Bytes() / 1e6 / cpuSeconds, corpus.chars() / 1e6 / cpuSeconds,
                corpus.utf8Bytes() / 1e6 / wallSeconds, m.passes(), m.passes() == 1 ? "" : "es");
        out.flush();
    }
}

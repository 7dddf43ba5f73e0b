package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.fingerprint.BackgroundCorpus;
import org.secrecyguard.rules.BundledBackground;
import org.secrecyguard.engine.fingerprint.DocumentMatch;
import org.secrecyguard.engine.fingerprint.FingerprintDetector;
import org.secrecyguard.engine.fingerprint.FingerprintIndex;
import org.secrecyguard.engine.fingerprint.Fingerprinter;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code secrecy-guard bench fingerprint}: registers deterministic synthetic Chinese documents, builds
 * the fingerprint index and times lookups of 10-page documents, half of them quoting two sentences of
 * a registered document. Prints registration throughput, index size, heap used and lookup times.
 */
@Command(name = "fingerprint", description = "Registration throughput, index size and lookup time of fingerprints.")
final class BenchFingerprintCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--docs", defaultValue = "10000", description = "Registered documents (default ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--chars", defaultValue = "3000",
            description = "Mean length of a registered document in characters (default ${DEFAULT-VALUE}).")
    int meanChars;

    @Option(names = "--query-chars", defaultValue = "8000",
            description = "Length of a scanned document, about 10 pages (default ${DEFAULT-VALUE}).")
    int queryChars;

    @Option(names = "--queries", defaultValue = "200", description = "Scanned documents timed (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the synthetic text (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (docs < 1 || meanChars < 100 || queryChars < 100 || queries < 1) {
            throw new IllegalArgumentException("--docs, --queries must be positive; --chars, --query-chars at least 100");
        }
        PrintWriter out = spec.commandLine().getOut();
        SyntheticChinese text = new SyntheticChinese(seed);
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        Fingerprinter fp = new Fingerprinter(key);
        out.printf(Locale.ROOT, "fingerprint bench: %d documents of about %d chars, scheme %s%n", docs, meanChars,
                fp.scheme());

        List<String> texts = new ArrayList<>(docs);
        long totalChars = 0;
        for (int i = 0; i < docs; i++) {
            String t = text.document(meanChars / 3 + text.random.nextInt(meanChars * 4 / 3));
            texts.add(t);
            totalChars += t.length();
        }
        for (int i = 0; i < Math.min(docs, 300); i++) {
            fp.register(i + 1, "warm-up", Level.SECRET, texts.get(i)); // JIT and the normaliser's tables
        }
        long t0 = System.nanoTime();
        List<RegisteredDocument> registered = new ArrayList<>(docs);
        for (int i = 0; i < docs; i++) {
            registered.add(fp.register(i + 1, "synthetic " + (i + 1), Level.SECRET, texts.get(i)));
        }
        double registerSeconds = (System.nanoTime() - t0) / 1e9;
        long fingerprints = registered.stream().mapToLong(d -> d.fingerprints().length).sum();
        out.printf(Locale.ROOT, "registration: %.1f s, %.0f docs/s, %.1f M chars/s, %d fingerprints (%.0f per 1000 chars)%n",
                registerSeconds, docs / registerSeconds, totalChars / registerSeconds / 1e6, fingerprints,
                1000.0 * fingerprints / totalChars);

        long[] ignored = BackgroundCorpus.hashes(fp, BundledBackground.text());
        long heapBefore = usedHeap();
        t0 = System.nanoTime();
        FingerprintIndex index = FingerprintIndex.build(registered, ignored);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long heapAfter = usedHeap();
        out.printf(Locale.ROOT, "index: built in %.1f s, %d fingerprints kept, %d suppressed as boilerplate, "
                        + "%.1f MB (arrays), heap grew %.1f MB%n", buildSeconds, index.fingerprintCount(),
                index.suppressedCount(), index.sizeInBytes() / 1e6, (heapAfter - heapBefore) / 1e6);

        FingerprintDetector detector = new FingerprintDetector(fp, index);
        List<DocumentText> scanned = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            String fresh = text.document(queryChars);
            if (q % 2 == 0) {
                int victim = text.random.nextInt(docs);
                String quote = text.twoSentences(texts.get(victim));
                int at = fresh.indexOf('。', fresh.length() / 2) + 1;
                fresh = fresh.substring(0, at) + quote + fresh.substring(at);
                expected.add(victim + 1L);
            } else {
                expected.add(-1L);
            }
            scanned.add(new DocumentText(List.of(Segment.body(fresh))));
        }
        for (int warm = 0; warm < 3; warm++) {
            for (DocumentText d : scanned) {
                detector.matches(d);
            }
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] millis = new double[queries];
        double[] cpuMillis = new double[queries];
        int caught = 0;
        int falseMatches = 0;
        for (int q = 0; q < queries; q++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            List<DocumentMatch> found = detector.matches(scanned.get(q));
            millis[q] = (System.nanoTime() - s) / 1e6;
            cpuMillis[q] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            for (DocumentMatch m : found) {
                if (m.documentId() == expected.get(q)) {
                    caught++;
                } else {
                    falseMatches++;
                }
            }
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        int p99 = Math.min(queries - 1, (int) (queries * 0.99));
        out.printf(Locale.ROOT, "lookup of a %d-char document: median %.2f ms, p99 %.2f ms, max %.2f ms "
                        + "(CPU time: median %.2f ms, p99 %.2f ms)%n", queryChars, millis[queries / 2], millis[p99],
                millis[queries - 1], cpuMillis[queries / 2], cpuMillis[p99]);
        out.printf(Locale.ROOT, "detection: %d of %d two-sentence quotes caught, %d false matches%n", caught,
                (queries + 1) / 2, falseMatches);
        return ExitCodes.OK;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Deterministic Chinese-like text: sentences of words drawn with a Zipf-like skew from a fixed
     * vocabulary of common characters, so that short words repeat across documents as in real text.
     */
    static final class SyntheticChinese {
        private static final String COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
                + "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
                + "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
                + "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党"
                + "程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根"
                + "论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增"
                + "争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积";
        private static final String[] BOILERPLATE = {
                "各区县人民政府，市政府各部门，各有关单位：", "现将有关事项通知如下：", "请各单位高度重视，认真抓好落实。",
                "特此通知。", "一、总体要求", "二、主要任务", "三、工作要求"};
        final Random random;
        private final String[] words;

        SyntheticChinese(long seed) {
            random = new Random(seed);
            words = new String[20_000];
            for (int i = 0; i < words.length; i++) {
                int len = 1 + random.nextInt(3) + (random.nextInt(4) == 0 ? 1 : 0);
                StringBuilder w = new StringBuilder(len);
                for (int c = 0; c < len; c++) {
                    w.append(COMMON.charAt(random.nextInt(COMMON.length())));
                }
                words[i] = w.toString();
            }
        }

        String document(int chars) {
            StringBuilder sb = new StringBuilder(chars + 64);
            sb.append(BOILERPLATE[0]).append('\n').append(BOILERPLATE[1]).append('\n');
            while (sb.length() < chars) {
                if (random.nextInt(12) == 0) {
                    sb.append(BOILERPLATE[3 + random.nextInt(BOILERPLATE.length - 3)]).append('\n');
                }
                sentence(sb);
                if (random.nextInt(5) == 0) {
                    sb.append('\n');
                }
            }
            sb.append('\n').append(BOILERPLATE[2]).append(BOILERPLATE[3]);
            return sb.toString();
        }

        private void sentence(StringBuilder sb) {
            int n = 6 + random.nextInt(10);
            for (int i = 0; i < n; i++) {
                // Zipf-like: small indexes are much more frequent.
                double u = random.nextDouble();
                sb.append(words[(int) (words.length * u * u * u)]);
                if (i > 0 && i < n - 1 && random.nextInt(6) == 0) {
                    sb.append('，');
                }
            }
            sb.append('。');
        }

        /** Two consecutive sentences from the middle of {@code text}. */
        String twoSentences(String text) {
            int start = text.indexOf('。', random.nextInt(Math.max(1, text.length() / 2))) + 1;
            int end = start;
            for (int i = 0; i < 2; i++) {
                int next = text.indexOf('。', end);
                end = next < 0 ? text.length() : next + 1;
            }
            return text.substring(start, end);
        }
    }
}

package org.secrecyguard.engine.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Segment;

/**
 * Measures, for a few n-gram sizes and windows, how well fingerprints catch quotes and OCR'd photos of
 * the registered test notices, and how close public text comes to a false match. Its output is the
 * table in docs/benchmarks.md ("Fingerprints"). Not a unit test: it runs Tesseract on 20 photos
 * (cached under target/fingerprint-study/) and prints markdown.
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.secrecyguard.engine.fingerprint.FingerprintParameterStudy
 * </pre>
 */
public final class FingerprintParameterStudy {
    private static final byte[] KEY = "study key: 32 bytes of anything!".getBytes(StandardCharsets.UTF_8);
    /** Winnowing picks depend on the key, so every variant is measured under several keys. */
    private static final int KEYS = 4;
    private static final int[][] VARIANTS = {
            {4, 4}, {4, 6}, {5, 4}, {5, 6}, {5, 8}, {6, 6}, {8, 4}, {8, 6}, {8, 8}, {10, 6}
    };
    /** Candidate rules: {minimum longest run, minimum total}; a sample matches when either holds. */
    private static final int[][] RULES = {{999, 16}, {12, 999}, {14, 999}, {16, 999}, {14, 32}};
    private static final boolean VERBOSE = Boolean.getBoolean("study.verbose");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target", "fingerprint-study");
        List<String> ocrModerate = ocrAll(dir, PagePhoto.Degradation.MODERATE);
        List<String> ocrHard = ocrAll(dir, PagePhoto.Degradation.HARD);
        String background = loadBackground();
        System.out.println(cerLine("moderate", ocrModerate) + "; " + cerLine("hard", ocrHard));
        System.out.println();
        System.out.println("| k | w | fp/1000 chars | rule | sentence quotes | 25-char quotes "
                + "| OCR 50-char moderate | OCR 50-char hard | OCR page moderate | OCR page hard "
                + "| false (public) | false (other notices) | max false total/run |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int[] v : VARIANTS) {
            Variant r = null;
            for (int key = 0; key < KEYS; key++) {
                Variant one = run(v[0], v[1], key, background, ocrModerate, ocrHard);
                r = r == null ? one : r.plus(one);
            }
            for (int[] t : RULES) {
                System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %d | %d | %s |%n",
                        v[0], v[1], r.density, ruleName(t), rate(r.sentenceQuotes, t), rate(r.shortQuotes, t),
                        rate(r.ocrWindowsModerate, t), rate(r.ocrWindowsHard, t), rate(r.ocrPagesModerate, t),
                        rate(r.ocrPagesHard, t), count(r.falsePublic, t), count(r.falseOther, t),
                        max(concat(r.falsePublic, r.falseOther)));
            }
        }
    }

    /** Matched chars of the right document per sample; false matched chars of any document. */
    private record Variant(double density, List<int[]> sentenceQuotes, List<int[]> shortQuotes,
                           List<int[]> ocrWindowsModerate, List<int[]> ocrWindowsHard,
                           List<int[]> ocrPagesModerate, List<int[]> ocrPagesHard,
                           List<int[]> falsePublic, List<int[]> falseOther) {
        Variant plus(Variant o) {
            return new Variant(density, concat(sentenceQuotes, o.sentenceQuotes), concat(shortQuotes, o.shortQuotes),
                    concat(ocrWindowsModerate, o.ocrWindowsModerate), concat(ocrWindowsHard, o.ocrWindowsHard),
                    concat(ocrPagesModerate, o.ocrPagesModerate), concat(ocrPagesHard, o.ocrPagesHard),
                    concat(falsePublic, o.falsePublic), concat(falseOther, o.falseOther));
        }
    }

    private static Variant run(int k, int w, int keyNumber, String background, List<String> ocrModerate,
                               List<String> ocrHard) {
        byte[] key = KEY.clone();
        key[0] += (byte) keyNumber;
        Fingerprinter fp = new Fingerprinter(key, k, w);
        List<RegisteredDocument> docs = new ArrayList<>();
        long chars = 0;
        long fps = 0;
        for (int i = 0; i < TestDocuments.REGISTERED.size(); i++) {
            RegisteredDocument d = fp.register(101 + i, "doc" + i, TestDocuments.REGISTERED.get(i).level(),
                    TestDocuments.REGISTERED.get(i).text());
            docs.add(d);
            chars += d.textLength();
            fps += d.fingerprints().length;
        }
        long[] ignored = BackgroundCorpus.hashes(fp, background);
        FingerprintIndex index = FingerprintIndex.build(docs, ignored);
        FingerprintDetector detector = new FingerprintDetector(fp, index, new MatchRule(w + k, 2, 1, 1));

        List<int[]> sentences = new ArrayList<>();
        List<int[]> shortQuotes = new ArrayList<>();
        Random random = new Random(7 + keyNumber);
        for (int i = 0; i < docs.size(); i++) {
            Notice n = TestDocuments.REGISTERED.get(i);
            String host = TestDocuments.PUBLIC.get(i % TestDocuments.PUBLIC.size());
            for (String paragraph : n.paragraphs()) {
                for (String sentence : paragraph.split("(?<=[。；])")) {
                    if (fp.prepare(sentence).length() >= 25) {
                        sentences.add(matched(detector, embed(host, sentence), 101 + i));
                    }
                }
            }
            String body = fp.prepare(String.join("", n.paragraphs())).toString();
            for (int q = 0; q < 10; q++) {
                int start = random.nextInt(body.length() - 25);
                shortQuotes.add(matched(detector, embed(host, body.substring(start, start + 25)), 101 + i));
            }
        }
        List<int[]> windowsModerate = new ArrayList<>();
        List<int[]> windowsHard = new ArrayList<>();
        List<int[]> pagesModerate = new ArrayList<>();
        List<int[]> pagesHard = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            ocrSamples(fp, detector, ocrModerate.get(i), 101 + i, windowsModerate, pagesModerate);
            ocrSamples(fp, detector, ocrHard.get(i), 101 + i, windowsHard, pagesHard);
        }
        List<int[]> falsePublic = new ArrayList<>();
        for (String pub : TestDocuments.PUBLIC) {
            for (DocumentMatch m : detector.measure(doc(pub))) {
                falsePublic.add(new int[] {m.matchedChars(), m.longestRun()});
                if (VERBOSE) {
                    System.out.printf("k=%d w=%d public vs #%d: %d chars, longest %d%n", k, w, m.documentId(),
                            m.matchedChars(), m.longestRun());
                }
            }
        }
        List<int[]> falseOther = new ArrayList<>();
        // Leave one out: each registered notice against an index of the other nine shares only
        // boilerplate and topic with them.
        for (int i = 0; i < docs.size(); i++) {
            List<RegisteredDocument> others = new ArrayList<>(docs);
            others.remove(i);
            FingerprintDetector d = new FingerprintDetector(fp, FingerprintIndex.build(others, ignored),
                    new MatchRule(w + k, 2, 1, 1));
            for (DocumentMatch m : d.measure(doc(TestDocuments.REGISTERED.get(i).text()))) {
                falseOther.add(new int[] {m.matchedChars(), m.longestRun()});
                if (VERBOSE) {
                    System.out.printf("k=%d w=%d #%d vs #%d: %d chars, longest %d%n", k, w, 101 + i,
                            m.documentId(), m.matchedChars(), m.longestRun());
                }
            }
        }
        return new Variant(1000.0 * fps / chars, sentences, shortQuotes, windowsModerate, windowsHard,
                pagesModerate, pagesHard, falsePublic, falseOther);
    }

    private static void ocrSamples(Fingerprinter fp, FingerprintDetector detector, String ocr, long id,
                                   List<int[]> windows, List<int[]> pages) {
        String kept = fp.prepare(ocr).toString();
        for (int start = 0; start + 50 <= kept.length(); start += 25) {
            windows.add(matched(detector, kept.substring(start, start + 50), id));
        }
        pages.add(matched(detector, ocr, id));
    }

    private static int[] matched(FingerprintDetector detector, String text, long id) {
        for (DocumentMatch m : detector.measure(doc(text))) {
            if (m.documentId() == id) {
                return new int[] {m.matchedChars(), m.longestRun()};
            }
        }
        return new int[] {0, 0};
    }

    private static DocumentText doc(String text) {
        return new DocumentText(List.of(Segment.body(text)));
    }

    /** The quote placed in the middle of a public document, as a drafter would paste it. */
    static String embed(String host, String quote) {
        int mid = host.indexOf('\n', host.length() / 2);
        return host.substring(0, mid) + "会议指出，" + quote + "对此要认真研究。" + host.substring(mid);
    }

    private static List<String> ocrAll(Path dir, PagePhoto.Degradation d) throws IOException, InterruptedException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < TestDocuments.REGISTERED.size(); i++) {
            Path cached = dir.resolve("ocr-" + d.name() + "-" + i + ".txt");
            if (Files.exists(cached)) {
                texts.add(Files.readString(cached));
                continue;
            }
            byte[] jpeg = PagePhoto.photo(TestDocuments.REGISTERED.get(i), 40, true, d, 1000 + i);
            String text = TesseractCli.ocr(jpeg, dir, "photo-" + d.name() + "-" + i);
            Files.writeString(cached, text);
            texts.add(text);
        }
        return texts;
    }

    /** Character error rate of the OCR text against the body it photographed (edit distance / length). */
    private static String cerLine(String name, List<String> ocr) {
        Fingerprinter fp = new Fingerprinter(KEY);
        double errors = 0;
        double total = 0;
        for (int i = 0; i < ocr.size(); i++) {
            String truth = fp.prepare(String.join("\n", TestDocuments.REGISTERED.get(i).bodyLines())).toString();
            String got = fp.prepare(ocr.get(i)).toString();
            errors += editDistance(truth, got);
            total += truth.length();
        }
        return String.format(Locale.ROOT, "OCR character error rate %s: %.1f%%", name, 100 * errors / total);
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static List<int[]> concat(List<int[]> a, List<int[]> b) {
        List<int[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String loadBackground() throws IOException {
        try (InputStream in = BackgroundCorpus.class.getResourceAsStream(BackgroundCorpus.RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + BackgroundCorpus.RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String ruleName(int[] rule) {
        if (rule[0] >= 999) {
            return "total ≥ " + rule[1];
        }
        if (rule[1] >= 999) {
            return "run ≥ " + rule[0];
        }
        return "run ≥ " + rule[0] + " or total ≥ " + rule[1];
    }

    private static boolean passes(int[] sample, int[] rule) {
        return sample[1] >= rule[0] || sample[0] >= rule[1];
    }

    private static String rate(List<int[]> matched, int[] rule) {
        int hit = 0;
        for (int[] m : matched) {
            if (passes(m, rule)) {
                hit++;
            }
        }
        return String.format(Locale.ROOT, "%.0f%% (%d)", 100.0 * hit / Math.max(1, matched.size()), matched.size());
    }

    private static int count(List<int[]> values, int[] rule) {
        int n = 0;
        for (int[] v : values) {
            if (passes(v, rule)) {
                n++;
            }
        }
        return n;
    }

    private static String max(List<int[]> values) {
        int total = 0;
        int run = 0;
        for (int[] v : values) {
            total = Math.max(total, v[0]);
            run = Math.max(run, v[1]);
        }
        return total + "/" + run;
    }
}

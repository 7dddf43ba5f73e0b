package org.secrecyguard.extract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.marking.MarkingDetector;

/**
 * A seeded mutation fuzzer for the extractors and the marking detector, run by hand for a fixed time
 * (not a test: it runs outside CI). Each round takes a seed file of every format the tests build, damages
 * it (flipped bytes, cut, a repeated or deleted chunk, random bytes inserted; for zip packages also inside
 * one entry) and extracts it with the default limits. A round must end with a Document or an
 * ExtractionException within the time budget plus 2 s; anything else (an escaping throwable, a hang, a
 * budget overrun) is printed with its seed and round, to be turned into a regression test. Extracted text
 * is also fed to the marking detector. Run:
 * {@code java -cp target/test-classes:target/classes:$(deps) org.secrecyguard.extract.ExtractorFuzz SECONDS SEED}
 */
public final class ExtractorFuzz {
    private ExtractorFuzz() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("a.docx", TestDocuments.docx());
        seeds.put("a.xlsx", TestDocuments.xlsx());
        seeds.put("a.pptx", TestDocuments.pptx());
        seeds.put("a.xls", TestDocuments.xls());
        seeds.put("a.ppt", TestDocuments.ppt());
        seeds.put("a.doc", TestWord97.doc());
        seeds.put("a.pdf", TestDocuments.pdf());
        seeds.put("a.odt", TestOpenDocuments.odt());
        seeds.put("a.ofd", TestOpenDocuments.ofd());
        seeds.put("a.msg", MailFormatsTest.msg("通知", "正文", "a.docx", TestDocuments.docx()));
        seeds.put("a.eml", MailFormatsTest.eml("通知", "正文", "a.docx", TestDocuments.docx()));
        seeds.put("a.emf", MetafileTextTest.emf("机密★1年"));
        // Plain text in the encodings office PCs write: the decoders' strict and damaged-UTF-8 paths.
        String text = "000123\n机密★1年\n关于加强值班工作的通知\n" + "请各单位按时参加。\n".repeat(30);
        seeds.put("a.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        seeds.put("b.txt", text.getBytes(java.nio.charset.Charset.forName("GB18030")));
        seeds.put("c.txt", TestTextFiles.text(text, java.nio.charset.StandardCharsets.UTF_16LE, true));
        seeds.put("a.html", ("<html><head><meta charset=\"utf-8\"></head><body><p>" + text + "</p></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TestXlsb xlsb = new TestXlsb();
        xlsb.sheet("预算").shared(0, 0, "项目").inline(1, 0, "机密★1年").rich(1, 1, "说明").number(2, 2, 12.5)
                .comment(0, 0, "张三", "绝密★启用前").headerFooter("&C秘密★2年", "&C第&P页");
        xlsb.sheet("附表").shared(0, 0, "附表");
        seeds.put("a.xlsb", xlsb.build());
        seeds.put("a.wmf", TestMetafiles.wmfWithText(8000, 3000, "机密★1年", "关于印发工作安排的通知"));
        java.awt.image.BufferedImage scan = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        seeds.put("b.wmf", TestMetafiles.wmfWithBitmap(scan));
        List<String> names = new ArrayList<>(seeds.keySet());
        ExtractLimits limits = ExtractLimits.defaults().withTimeBudget(Duration.ofSeconds(5));
        DocumentExtractor extractor = new DocumentExtractor(limits);
        MarkingDetector detector = MarkingDetector.allLevels();
        Random random = new Random(seed);
        Map<String, Integer> outcomes = new TreeMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long rounds = 0;
        int problems = 0;
        while (System.nanoTime() < end) {
            rounds++;
            String name = names.get(random.nextInt(names.size()));
            byte[] input = mutate(seeds.get(name), random);
            long start = System.nanoTime();
            String outcome;
            try {
                Document doc = extractor.extract(name, input);
                detector.detect(new DocumentText(doc.segments()), f -> { });
                outcome = doc.notes().isEmpty() ? "read" : "read with notes";
            } catch (ExtractionException e) {
                outcome = e.reason().name();
            } catch (Throwable t) { // NOPMD: that is what a fuzzer looks for
                outcome = "CRASH " + t.getClass().getName();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms > limits.timeBudget().toMillis() + 2_000) {
                outcome = "HANG";
            }
            outcomes.merge(name.substring(2) + " " + outcome, 1, Integer::sum);
            if (outcome.startsWith("CRASH") || outcome.equals("HANG") || outcome.equals("TIMEOUT")) {
                problems++;
                System.out.println("problem: seed " + seed + " round " + rounds + " " + name + " " + outcome + " " + ms + " ms");
            }
        }
        System.out.println("rounds " + rounds + ", problems " + problems + ", seed " + seed + ", " + seconds + " s");
        outcomes.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        System.exit(0);
    }

    static byte[] mutate(byte[] seed, Random r) {
        if (seed.length > 4 && seed[0] == 'P' && seed[1] == 'K' && r.nextBoolean()) {
            Map<String, byte[]> parts = Repack.parts(seed);
            List<String> keys = new ArrayList<>(parts.keySet());
            String part = keys.get(r.nextInt(keys.size()));
            return Repack.replace(seed, part, mutateBytes(parts.get(part), r));
        }
        return mutateBytes(seed, r);
    }

    private static byte[] mutateBytes(byte[] b, Random r) {
        byte[] out = b.clone();
        if (out.length == 0) {
            return out;
        }
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(16); i < n; i++) {
                    out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> out = Arrays.copyOf(out, r.nextInt(out.length));
            case 2 -> {
                int from = r.nextInt(out.length);
                int len = Math.min(out.length - from, 1 + r.nextInt(4096));
                byte[] grown = new byte[out.length + len];
                System.arraycopy(out, 0, grown, 0, from + len);
                System.arraycopy(out, from, grown, from + len, out.length - from);
                out = grown;
            }
            case 3 -> {
                int from = r.nextInt(out.length);
                int len = Math.min(out.length - from, 1 + r.nextInt(4096));
                byte[] shrunk = new byte[out.length - len];
                System.arraycopy(out, 0, shrunk, 0, from);
                System.arraycopy(out, from + len, shrunk, from, out.length - from - len);
                out = shrunk;
            }
            default -> {
                int at = r.nextInt(out.length);
                for (int i = 0, n = 1 + r.nextInt(64); i < n && at + i < out.length; i++) {
                    out[at + i] = (byte) r.nextInt(256);
                }
            }
        }
        return out;
    }
}

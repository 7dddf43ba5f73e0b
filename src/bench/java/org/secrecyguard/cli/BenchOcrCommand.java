package org.secrecyguard.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.TextDetector;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.engine.text.TextNormalizer;
import org.secrecyguard.ocr.ImageDecoder;
import org.secrecyguard.ocr.ImageInspection;
import org.secrecyguard.ocr.OcrConfig;
import org.secrecyguard.ocr.TesseractImageInspector;
import org.secrecyguard.ocr.samples.PageRenderer;
import org.secrecyguard.ocr.samples.PhotoSimulator;
import org.secrecyguard.ocr.samples.SampleImage;
import org.secrecyguard.ocr.samples.SampleImages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code secrecy-guard bench ocr}: times the picture verdict (header-first OCR plan) against the
 * {@code tesseract} command line reading each whole picture, on the same files in the same run, and
 * reports per-picture and mean times, their ratio, and recall for both (a marked picture counts when
 * the baseline engine flags it at its level; the text recall counts when the OCR'd text holds the
 * level word at all). The recognised text itself is never printed.
 */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = "Time picture verdicts (OCR plan) against the tesseract command line reading whole pictures.")
final class BenchOcrCommand implements Callable<Integer> {
    @Option(names = "--images", paramLabel = "DIR",
            description = "Use the pictures in DIR instead of generating the standard set; expected levels come "
                    + "from DIR/expected.tsv (name<TAB>LEVEL or -) when present.")
    Path images;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the generated set here and keep it (default: a temporary folder, deleted after).")
    Path out;

    @Option(names = "--no-cli", description = "Do not run the tesseract command line.")
    boolean noCli;

    @Option(names = "--cli-thread-limit",
            description = "Run the tesseract command line with OMP_THREAD_LIMIT=1 (as the inspector runs Tesseract).")
    boolean cliThreadLimit;

    @Option(names = "--no-thread-limit",
            description = "Let Tesseract in the inspector use OpenMP's default threads (OMP_THREAD_LIMIT not set).")
    boolean noThreadLimit;

    @Option(names = "--body", defaultValue = "AUTO",
            description = "When the inspector reads whole pages: AUTO (when the engine needs body text; the baseline "
                    + "engine does not), ALWAYS (as with keyword or fingerprint rules), HEADER_ONLY. Default: ${DEFAULT-VALUE}.")
    org.secrecyguard.ocr.BodyReading body;

    @Option(names = "--languages", defaultValue = "chi_sim+eng",
            description = "Tesseract languages of the inspector (default: ${DEFAULT-VALUE}); the CLI always reads chi_sim+eng.")
    String languages;

    @Option(names = "--workers", defaultValue = "1", description = "OCR threads of the inspector (default: ${DEFAULT-VALUE}).")
    int workers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One picture file of the set. */
    private record Item(String name, Path file, Level expected, boolean known) {
    }

    /** What one reader made of one picture. */
    private record Outcome(long millis, long cpuMillis, Level level, boolean textHasMarking, String note) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Path dir = images;
        boolean temporary = false;
        if (dir == null) {
            dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("sg-bench-ocr");
            temporary = out == null;
            w.println("Generating the picture set in " + dir + " …");
            w.flush();
            writeGeneratedSet(dir);
        }
        try {
            List<Item> items = readSet(dir);
            if (items.isEmpty()) {
                spec.commandLine().getErr().println("error: no pictures in " + dir);
                return ExitCodes.ERROR;
            }
            return run(items, w);
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private int run(List<Item> items, PrintWriter w) throws Exception {
        OcrConfig config = OcrConfig.defaults().withWorkers(workers).withCacheEntries(0)
                .withLimitOpenMpThreads(!noThreadLimit).withLanguages(languages).withBodyReading(body);
        String cliProblem = noCli ? "switched off (--no-cli)" : tesseractCliProblem();
        Map<String, Outcome> ours = new HashMap<>();
        Map<String, Outcome> cli = new HashMap<>();
        ImageDecoder decoder = new ImageDecoder();
        try (TesseractImageInspector inspector = new TesseractImageInspector(config)) {
            if (!inspector.available()) {
                spec.commandLine().getErr().println("error: " + inspector.status());
                return ExitCodes.ERROR;
            }
            // Warm up as a resident app is warm: the first read loads the language model (about 0.3 s)
            // and the JIT compiles the pixel code; two unrelated pictures, not timed.
            PageSpecs warm = new PageSpecs();
            inspector.inspect(SampleImages.scan(warm.notice, 0.3, 99), "warm-up", Baseline.engine());
            inspector.inspect(SampleImages.headerCrop(warm.notice), "warm-up", Baseline.engine());
            for (Item item : items) {
                Recorder recorder = new Recorder();
                Engine engine = withRecorder(recorder);
                long cpu = processCpuMillis();
                long start = System.nanoTime();
                BufferedImage picture = decoder.decode(item.file());
                ImageInspection result = inspector.inspect(picture, item.name(), engine);
                long ms = (System.nanoTime() - start) / 1_000_000;
                ours.put(item.name(), new Outcome(ms, processCpuMillis() - cpu, result.verdict().highest().orElse(null),
                        holdsMarking(recorder.text(), item.expected()), result.note()));
                if (cliProblem == null) {
                    cli.put(item.name(), runCli(item));
                }
            }
        }
        report(items, ours, cli, cliProblem, w);
        return ExitCodes.OK;
    }

    private void report(List<Item> items, Map<String, Outcome> ours, Map<String, Outcome> cli, String cliProblem,
                        PrintWriter w) {
        w.printf(Locale.ROOT, "%-34s %-13s %8s %8s %-13s %8s %8s %-13s%n", "picture", "expected", "ours ms",
                "ours cpu", "ours level", "cli ms", "cli cpu", "cli level");
        for (Item item : items) {
            Outcome o = ours.get(item.name());
            Outcome c = cli.get(item.name());
            w.printf(Locale.ROOT, "%-34s %-13s %8d %8d %-13s %8s %8s %-13s%s%n", item.name(),
                    item.known() ? name(item.expected()) : "?", o.millis(), o.cpuMillis(), name(o.level()),
                    c == null ? "-" : Long.toString(c.millis()), c == null ? "-" : Long.toString(c.cpuMillis()),
                    c == null ? "-" : name(c.level()), o.note().isEmpty() ? "" : "  [" + o.note() + "]");
        }
        w.println();
        double oursMean = mean(items, ours, false);
        double oursCpu = mean(items, ours, true);
        w.printf(Locale.ROOT, "mean wall ms: ours %.0f", oursMean);
        if (!cli.isEmpty()) {
            double cliMean = mean(items, cli, false);
            w.printf(Locale.ROOT, ", tesseract CLI %.0f, ratio ours/CLI %.2f", cliMean, oursMean / cliMean);
        }
        w.println();
        w.printf(Locale.ROOT, "mean CPU ms: ours %.0f", oursCpu);
        if (!cli.isEmpty() && cli.values().stream().allMatch(c -> c.cpuMillis() >= 0)) {
            double cliCpu = mean(items, cli, true);
            w.printf(Locale.ROOT, ", tesseract CLI %.0f, ratio ours/CLI %.2f", cliCpu, oursCpu / cliCpu);
        }
        w.println();
        List<Item> known = items.stream().filter(Item::known).toList();
        List<Item> marked = known.stream().filter(i -> i.expected() != null).toList();
        List<Item> unmarked = known.stream().filter(i -> i.expected() == null).toList();
        if (!known.isEmpty()) {
            w.printf(Locale.ROOT, "recall (flagged at its level): ours %d/%d", count(marked, ours, true), marked.size());
            if (!cli.isEmpty()) {
                w.printf(Locale.ROOT, ", CLI %d/%d", count(marked, cli, true), marked.size());
            }
            w.println();
            w.printf(Locale.ROOT, "recall (level word in OCR text): ours %d/%d", count(marked, ours, false), marked.size());
            if (!cli.isEmpty()) {
                w.printf(Locale.ROOT, ", CLI %d/%d", count(marked, cli, false), marked.size());
            }
            w.println();
            w.printf(Locale.ROOT, "false alarms on unmarked pictures: ours %d/%d", alarms(unmarked, ours), unmarked.size());
            if (!cli.isEmpty()) {
                w.printf(Locale.ROOT, ", CLI %d/%d", alarms(unmarked, cli), unmarked.size());
            }
            w.println();
        }
        if (cliProblem != null) {
            w.println("tesseract CLI not timed: " + cliProblem);
        }
        w.printf(Locale.ROOT, "(%d CPUs, inspector workers %d, body reading %s, inspector OMP_THREAD_LIMIT=1: %s,"
                        + " for CLI: %s)%n", Runtime.getRuntime().availableProcessors(), workers, body, !noThreadLimit,
                cliThreadLimit ? "1" : System.getenv().getOrDefault("OMP_THREAD_LIMIT", "unset (OpenMP default)"));
        w.flush();
    }

    private static String name(Level level) {
        return level == null ? "-" : level.name();
    }

    private static double mean(List<Item> items, Map<String, Outcome> outcomes, boolean cpu) {
        return items.stream().mapToLong(i -> cpu ? outcomes.get(i.name()).cpuMillis() : outcomes.get(i.name()).millis())
                .average().orElse(0);
    }

    /** CPU time of this whole process (all threads, including the OCR worker), or -1. */
    private static long processCpuMillis() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    private static long count(List<Item> marked, Map<String, Outcome> outcomes, boolean byVerdict) {
        return marked.stream().filter(i -> {
            Outcome o = outcomes.get(i.name());
            return byVerdict ? o.level() == i.expected() : o.textHasMarking();
        }).count();
    }

    private static long alarms(List<Item> unmarked, Map<String, Outcome> outcomes) {
        return unmarked.stream().filter(i -> outcomes.get(i.name()).level() != null).count();
    }

    private Outcome runCli(Item item) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tesseract", item.file().toString(), "stdout", "-l", "chi_sim+eng");
        // Pass the environment explicitly: otherwise the child inherits the process environment, in
        // which the inspector has already set OMP_THREAD_LIMIT=1 (pb.environment() is the JVM's
        // start-up copy, as the user launched it).
        if (cliThreadLimit) {
            pb.environment().put("OMP_THREAD_LIMIT", "1");
        } else {
            pb.environment().putIfAbsent("SG_BENCH", "1");
        }
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        long cpu = ChildCpuTime.millis();
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuAfter = ChildCpuTime.millis();
        String text = new String(stdout, StandardCharsets.UTF_8);
        Verdict v = Baseline.engine().inspect(new Segment(text, SegmentKind.OCR, item.name() + " (tesseract CLI)"));
        return new Outcome(ms, cpu < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpu, v.highest().orElse(null),
                holdsMarking(text, item.expected()), "");
    }

    private static String tesseractCliProblem() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "tesseract --version failed";
        } catch (IOException e) {
            return "the tesseract command is not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static boolean holdsMarking(String text, Level expected) {
        return expected != null && TextNormalizer.normalize(text).text().contains(expected.chinese());
    }

    /** The baseline engine with a recorder that keeps the OCR'd text in memory (never printed). */
    private static Engine withRecorder(Recorder recorder) {
        List<TextDetector> detectors = new ArrayList<>(Baseline.engine().detectors());
        detectors.add(recorder);
        return new Engine(detectors, Baseline.RULES_VERSION);
    }

    /** Pages used only to warm up. */
    private static final class PageSpecs {
        final org.secrecyguard.ocr.samples.PageSpec notice = SampleImages.publicNotice(null, "××市人民政府文件",
                "×府发〔2026〕1号", "关于预热的通知");
    }

    private static final class Recorder implements TextDetector {
        private final List<String> texts = new CopyOnWriteArrayList<>();

        @Override
        public void detect(DocumentText document, Consumer<Finding> out) {
            for (Segment s : document.segments()) {
                texts.add(s.text());
            }
        }

        @Override
        public boolean needsBodyText() {
            return false;
        }

        String text() {
            return String.join("\n", texts);
        }
    }

    /** The standard set plus a 12-megapixel phone photo, as files; photos as JPEG, the rest as PNG. */
    private static void writeGeneratedSet(Path dir) throws IOException {
        List<SampleImage> set = new ArrayList<>(SampleImages.standardSet());
        set.add(new SampleImage("photo-secret-12mp",
                PhotoSimulator.photograph(PageRenderer.render(SampleImages.markedPage("000088", "机密★6个月", false,
                        "加急", "××市发展和改革委员会文件", "×发改发〔2026〕9号", "关于报送重点项目进展情况的通知"), 12),
                        new PhotoSimulator.Style(4000, 3000, 3, 0.9, 0.3, 5, 0.55f, 21)),
                Level.SECRET, "机密★6个月"));
        StringBuilder expected = new StringBuilder();
        int n = 1;
        for (SampleImage s : set) {
            boolean photo = s.name().startsWith("photo");
            String file = String.format(Locale.ROOT, "%02d-%s.%s", n++, s.name(), photo ? "jpg" : "png");
            if (photo) {
                Files.write(dir.resolve(file), PhotoSimulator.jpegBytes(s.image(), 0.92f));
            } else {
                ImageIO.write(s.image(), "png", dir.resolve(file).toFile());
            }
            expected.append(file).append('\t').append(s.expected() == null ? "-" : s.expected().name()).append('\n');
        }
        Files.writeString(dir.resolve("expected.tsv"), expected.toString(), StandardCharsets.UTF_8);
    }

    private static List<Item> readSet(Path dir) throws IOException {
        Map<String, Level> expected = new HashMap<>();
        Path tsv = dir.resolve("expected.tsv");
        if (Files.isRegularFile(tsv)) {
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                if (parts.length == 2) {
                    expected.put(parts[0].trim(), parts[1].trim().equals("-") ? null : Level.parse(parts[1]));
                }
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                            .matches(".*\\.(png|jpe?g|bmp|gif|tiff?|webp)"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(p -> {
                        String file = p.getFileName().toString();
                        return new Item(file.replaceFirst("\\.[^.]+$", ""), p, expected.get(file), expected.containsKey(file));
                    })
                    .toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

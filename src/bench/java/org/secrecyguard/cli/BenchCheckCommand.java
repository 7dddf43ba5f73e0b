package org.secrecyguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench check}: the self-check's speed as a user meets it, each side a real child process in
 * the same run: (1) {@code secrecy-guard --version} (the JVM's own start, subtracted); (2) a cold
 * {@code check} (empty index) of N text files of S MB in all, M of them marked, against
 * {@code grep -rlE} for the markings over the same folder, page cache warm for both; (3) a re-check of
 * an unchanged tree of many small files. Wall and CPU time (getrusage of the children) are printed.
 */
@Command(name = "check", description = "Benchmark the self-check against grep -r, and its unchanged re-check.")
final class BenchCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--files", defaultValue = "2000", description = "Text files in the cold set (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--mb", defaultValue = "200", description = "Their size in MB (default: ${DEFAULT-VALUE}).")
    int megabytes;

    @Option(names = "--marked", defaultValue = "40", description = "Marked files among them (default: ${DEFAULT-VALUE}).")
    int marked;

    @Option(names = "--small", defaultValue = "100000", description = "Small files in the re-check tree (default: ${DEFAULT-VALUE}; 0 skips it).")
    int small;

    @Option(names = "--threads", defaultValue = "2", description = "check --threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--command", description = "Time this installed command (e.g. /usr/bin/secrecy-guard) instead of"
            + " the classes of this checkout; both --version and check go through it.")
    Path command;

    @Option(names = "--dir", description = "Work folder (default: a new temporary folder, deleted after).")
    Path dir;

    private static final String HEADER = "000123\n机密★1年\n特急\n某某市人民政府办公室文件\n某政办发〔2026〕17号\n";
    private static final String CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? dir : Files.createTempDirectory("bench-check");
        try {
            Path cold = work.resolve("cold");
            long bytes = writeColdSet(cold);
            out.printf(Locale.ROOT, "cold set: %,d files, %.1f MB, %d marked%n", files, bytes / 1048576.0, marked);
            run(List.of("grep", "-rlE", "绝密|机密|秘密", cold.toString()), null); // warms the page cache
            Timed version = best(3, secrecyGuard("--version"));
            Timed grep = best(3, List.of("grep", "-rlE", "绝密|机密|秘密", cold.toString()));
            List<String> checkArgs = secrecyGuard("check", "--no-ocr", "--no-events", "--busy-seconds", "0", "--threads",
                    String.valueOf(threads), "--index");
            out.printf(Locale.ROOT, "command: %s%n", command != null ? command : "java -cp <this checkout> org.secrecyguard.app.Main");
            List<Timed> colds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path index = work.resolve("cold-" + i + ".db");
                List<String> args = new ArrayList<>(checkArgs);
                args.add(index.toString());
                args.add(cold.toString());
                colds.add(run(args, null));
            }
            Timed check = colds.stream().min(Comparator.comparingLong(Timed::wallMillis)).orElseThrow();
            out.printf(Locale.ROOT, "jvm start (--version): %s%n", version);
            out.printf(Locale.ROOT, "grep -rlE markings:    %s, %d files listed%n", grep, grep.lines());
            out.printf(Locale.ROOT, "check (cold index):    %s, %d files flagged%n", check, check.lines());
            long net = check.wallMillis() - version.wallMillis();
            out.printf(Locale.ROOT, "check minus jvm start: %,d ms = %.1fx grep%n", net, (double) net / Math.max(1, grep.wallMillis()));
            if (small > 0) {
                Path tree = work.resolve("small");
                writeSmallTree(tree);
                Path index = work.resolve("small.db");
                List<String> args = new ArrayList<>(checkArgs);
                args.add(index.toString());
                args.add(tree.toString());
                Timed first = run(args, null);
                Timed again = best(3, args);
                out.printf(Locale.ROOT, "small tree: %,d files; first check %s%n", small, first);
                out.printf(Locale.ROOT, "re-check unchanged:    %s (minus jvm start %,d ms)%n", again,
                        again.wallMillis() - version.wallMillis());
            }
        } finally {
            if (dir == null) {
                try (Stream<Path> s = Files.walk(work)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return 0;
    }

    private long writeColdSet(Path cold) throws IOException {
        Random r = new Random(20261207);
        long per = (long) megabytes * 1024 * 1024 / files;
        long total = 0;
        for (int i = 0; i < files; i++) {
            Path f = cold.resolve("d" + (i % 20)).resolve("file" + i + ".txt");
            Files.createDirectories(f.getParent());
            StringBuilder sb = new StringBuilder((int) per);
            // Every files/marked-th file carries a GB/T 9704 header; the rest is prose.
            if (marked > 0 && i % (files / marked) == 0 && i / (files / marked) < marked) {
                sb.append(HEADER);
            }
            while (sb.length() * 3L < per) {
                for (int k = 0; k < 40; k++) {
                    sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
                }
                sb.append(k(r)).append('\n');
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(f, b);
            total += b.length;
        }
        return total;
    }

    private static char k(Random r) {
        return r.nextBoolean() ? '。' : '，';
    }

    private void writeSmallTree(Path tree) throws IOException {
        for (int i = 0; i < small; i++) {
            Path f = tree.resolve("a" + (i / 10_000)).resolve("b" + (i / 100 % 100)).resolve("n" + i + ".txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "会议通知第" + i + "号，请按时参加。\n");
        }
    }

    private record Timed(long wallMillis, long cpuMillis, int lines) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d ms wall, %,d ms CPU", wallMillis, cpuMillis);
        }
    }

    private static Timed best(int runs, List<String> command) throws Exception {
        Timed best = null;
        for (int i = 0; i < runs; i++) {
            Timed t = run(command, null);
            if (best == null || t.wallMillis() < best.wallMillis()) {
                best = t;
            }
        }
        return best;
    }

    private static Timed run(List<String> command, Path ignored) throws Exception {
        long cpu0 = ChildCpuTime.millis();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = ChildCpuTime.millis() - cpu0;
        String text = new String(output, StandardCharsets.UTF_8);
        int lines = (int) text.lines().filter(l -> !l.isBlank()).count();
        return new Timed(wall, cpu, lines);
    }

    private List<String> secrecyGuard(String... args) {
        List<String> cmd = new ArrayList<>(command != null ? List.of(command.toString())
                : List.of(java(), "-cp", classPath(), "org.secrecyguard.app.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }
}

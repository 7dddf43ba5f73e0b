package org.secrecyguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.secrecyguard.extract.Document;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.extract.ExtractionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code secrecy-guard bench extract PATH...}: times {@link DocumentExtractor} on real files (folders are
 * walked). Each file is read from memory {@code --warmup} times untimed, then {@code --repeat} times;
 * the median is printed with throughput and what was found (segments, characters, pictures).
 */
@Command(name = "extract", description = "Time text extraction from files (folders are walked).")
final class BenchExtractCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders.")
    List<Path> paths;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed runs per file (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed runs per file first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        DocumentExtractor extractor = new DocumentExtractor();
        out.printf(Locale.ROOT, "%-32s %-10s %10s %9s %9s %6s %10s %9s%n",
                "file", "format", "KB", "segments", "chars", "images", "median ms", "MB/s");
        double totalMs = 0;
        long totalBytes = 0;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            try {
                for (int i = 0; i < warmup; i++) {
                    extractor.extract(name, content);
                }
                long[] nanos = new long[Math.max(1, repeat)];
                Document doc = null;
                for (int i = 0; i < nanos.length; i++) {
                    long t = System.nanoTime();
                    doc = extractor.extract(name, content);
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                double ms = nanos[nanos.length / 2] / 1e6;
                totalMs += ms;
                totalBytes += content.length;
                long chars = doc.segments().stream().mapToLong(s -> s.text().length()).sum();
                out.printf(Locale.ROOT, "%-32s %-10s %10.1f %9d %9d %6d %10.1f %9.1f%n", shorten(name), doc.format(),
                        content.length / 1024.0, doc.segments().size(), chars, doc.images().size(), ms,
                        content.length / 1048576.0 / (ms / 1000));
            } catch (ExtractionException e) {
                out.printf(Locale.ROOT, "%-32s error: %s (%s)%n", shorten(name), e.getMessage(), e.reason());
            }
        }
        out.printf(Locale.ROOT, "total: %d files, %.1f MB, %.0f ms (sum of medians)%n", files.size(),
                totalBytes / 1048576.0, totalMs);
        return ExitCodes.OK;
    }

    private static String shorten(String name) {
        return name.length() <= 32 ? name : name.substring(0, 29) + "...";
    }
}

package org.secrecyguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.scan.ScanResult;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code secrecy-guard scan [--json] [--rules DB] [--no-ocr] PATH...}: checks files and folders and
 * prints one line (or one JSON object) per file. Exit 0 when everything may leave, 1 when something
 * was flagged, 2 when a file could not be checked.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Check files or folders (recursively) for classified and internal material.")
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per file per line.")
    boolean json;

    @Option(names = "--rules", paramLabel = "DB", description = "Rules database (default: built-in baseline rules).")
    Path rulesDb;

    @Option(names = "--no-ocr", description = "Do not read pictures (faster; pictures are listed as not checked).")
    boolean noOcr;

    @Option(names = "--tessdata", paramLabel = "DIR",
            description = "Tesseract language data folder (default: TESSDATA_PREFIX, then the system folders).")
    Path tessdata;

    @Option(names = "--threads", description = "Files checked in parallel (default: ${DEFAULT-VALUE}).")
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engine engine = EngineLoader.load(rulesDb);
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            collect(p, files);
        }
        ScanOutput output = new ScanOutput(out, json);
        ScanTally tally = new ScanTally();
        ScanProgress progress = new ScanProgress(err, files.size());
        try (Scanner scanner = Scanners.forFiles(() -> engine, !noOcr, tessdata)) {
            if (!noOcr && !scanner.pictures().available()) {
                err.println("note: " + scanner.pictures().status());
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "scan-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<ScanResult>> futures = new ArrayList<>(files.size());
                for (Path f : files) {
                    futures.add(pool.submit(() -> scanner.scanFile(f)));
                }
                for (Future<ScanResult> future : futures) {
                    ScanResult r = future.get();
                    output.print(r);
                    tally.add(r);
                    progress.step();
                }
            } finally {
                pool.shutdownNow();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
        }
        progress.done();
        out.flush();
        return tally.exitCode();
    }

    /**
     * Folders expand to their files in name order; anything else is kept in place for the scanner,
     * so a missing path becomes a "not found" row where it was named.
     */
    private static void collect(Path p, List<Path> files) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        } else {
            files.add(p);
        }
    }
}

package org.secrecyguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Evidence;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.events.Uploader;
import org.secrecyguard.events.UploaderConfig;
import org.secrecyguard.events.collect.EventCollector;
import org.secrecyguard.events.collect.JdbcCollectorStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code secrecy-guard bench events}: append rates of the event log (one by one, group commit from
 * several threads, batched), its size per 100,000 events, and the time to upload them to the reference
 * collector on 127.0.0.1. Every append is durable (synchronous=FULL), so the one-by-one rate is bounded
 * by the disk's fsync rate.
 */
@Command(name = "events", description = "Event log append rates, size and upload time.")
final class BenchEventsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", defaultValue = "100000", description = "Events for the batched, size and upload runs (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--single", defaultValue = "2000", description = "Events appended one by one (default ${DEFAULT-VALUE}).")
    int single;

    @Option(names = "--threads", defaultValue = "8", description = "Threads for the group-commit run (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--dir", description = "Folder for the databases (default: a temp folder, deleted after).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("sg-bench-events");
        try {
            out.printf("event log bench: %d events, JDK %s, %d cpus%n", events, Runtime.version(),
                    Runtime.getRuntime().availableProcessors());

            try (EventLog log = EventLog.open(work.resolve("single.db"))) {
                List<Event> es = sample(single);
                long t = System.nanoTime();
                long c = cpuNanos();
                for (Event e : es) {
                    log.append(e);
                }
                out.printf("append one by one (each durable):        %,10.0f events/s%s%n", rate(single, t),
                        perCpu(single, c));
            }

            try (EventLog log = EventLog.open(work.resolve("group.db"))) {
                int perThread = Math.max(1, events / 5 / threads);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    List<List<Event>> parts = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        parts.add(sample(perThread));
                    }
                    long t = System.nanoTime();
                    long c = cpuNanos();
                    List<Future<?>> jobs = new ArrayList<>();
                    for (List<Event> part : parts) {
                        jobs.add(pool.submit(() -> part.forEach(log::append)));
                    }
                    for (Future<?> f : jobs) {
                        f.get();
                    }
                    out.printf("append from %d threads (group commit):    %,10.0f events/s%s%n", threads,
                            rate(perThread * threads, t), perCpu(perThread * threads, c));
                } finally {
                    pool.shutdown();
                }
                List<Event> es = sample(events / 5);
                long t = System.nanoTime();
                long c = cpuNanos();
                List<CompletableFuture<Void>> acks = new ArrayList<>(es.size());
                for (Event e : es) {
                    acks.add(log.appendAsync(e));
                }
                acks.forEach(CompletableFuture::join);
                out.printf("appendAsync from 1 thread (group commit):%,10.0f events/s%s%n", rate(es.size(), t),
                        perCpu(es.size(), c));
            }

            Path batched = work.resolve("batched.db");
            try (EventLog log = EventLog.open(batched)) {
                List<Event> es = sample(events);
                long t = System.nanoTime();
                long c = cpuNanos();
                for (int i = 0; i < es.size(); i += 1000) {
                    log.appendAll(es.subList(i, Math.min(es.size(), i + 1000)));
                }
                out.printf("appendAll, batches of 1000:               %,10.0f events/s%s%n", rate(events, t),
                        perCpu(events, c));
                long used = log.usedBytes();
                out.printf("database size: %.1f MiB in use for %,d events = %.1f MiB per 100,000 (%.0f bytes/event)%n",
                        used / 1048576.0, events, used / 1048576.0 * 100_000 / events, (double) used / events);

                try (JdbcCollectorStore store = JdbcCollectorStore.open(work.resolve("collected.db").toString());
                     EventCollector collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store,
                             null, EventCollector.Limits.defaults());
                     Uploader uploader = new Uploader(log, UploaderConfig.defaults(collector.eventsUri())
                             .withInterval(Duration.ofMillis(100)))) {
                    long t2 = System.nanoTime();
                    long c2 = cpuNanos();
                    uploader.start();
                    // Poll the uploader's counter, not the log: counting pending rows costs the writer time.
                    while (uploader.status().sentTotal() < events) {
                        Thread.sleep(50);
                    }
                    double secs = (System.nanoTime() - t2) / 1e9;
                    out.printf("upload %,d events to the collector on 127.0.0.1 (HTTP, SQLite store, batches of %d):"
                                    + " %.1f s = %,.0f events/s%s; collector holds %,d%n", events,
                            UploaderConfig.defaults(collector.eventsUri()).batchSize(), secs, events / secs,
                            perCpu(events, c2), store.count());
                    if (log.pendingCount() != 0) {
                        throw new IllegalStateException("events left pending after the upload");
                    }
                }
            }
            out.flush();
            return ExitCodes.OK;
        } finally {
            if (dir == null) {
                deleteTree(work);
            }
        }
    }

    private static double rate(int n, long startNanos) {
        return n / ((System.nanoTime() - startNanos) / 1e9);
    }

    /** CPU time of this whole process (all threads, incl. SQLite's native work), in nanoseconds. */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Events per CPU-second: what the rate would be on an otherwise idle core (shared machines vary). */
    private static String perCpu(int n, long startCpu) {
        long used = cpuNanos() - startCpu;
        return used <= 0 ? "" : String.format("  (%,.0f per CPU-second)", n / (used / 1e9));
    }

    /** Realistic events: markings, masked keyword hits on files going to USB drives, some internal. */
    static List<Event> sample(int n) {
        Instant t0 = Instant.now();
        List<Event> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant at = t0.plusMillis(i);
            if (i % 3 == 0) {
                Verdict v = new Verdict(List.of(
                        new Finding(DetectorType.KEYWORD, "kw:" + (i % 97), Level.SECRET, Evidence.mask("样例关键词", 1), "p 3"),
                        new Finding(DetectorType.MARKING, "marking.header", Level.SECRET, "机密★1年", "line 2")));
                out.add(Event.detection("removable_drive", "BLOCK_OVERRIDABLE", v).time(at)
                        .file("关于2026年第" + i + "号工作的通知.docx", 48_213 + i, "ab".repeat(32))
                        .device("Kingston", "DataTraveler 3.0", "60A44C413A8BF1B0").rulesVersion("12").build());
            } else {
                Verdict v = new Verdict(List.of(
                        new Finding(DetectorType.MARKING, "marking.internal", Level.INTERNAL, "内部资料 注意保存", "line 1")));
                out.add(Event.detection("clipboard", "WARN", v).time(at).destination("WeChat.exe", "某某县工作群")
                        .rulesVersion("12").build());
            }
        }
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

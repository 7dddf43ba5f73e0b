package org.secrecyguard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.channel.ScannerAdapter;
import org.secrecyguard.channel.UserNotifier;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.onaccess.OnAccessGuard;
import org.secrecyguard.platform.FileAccessGate;
import org.secrecyguard.platform.linux.FanotifyGate;
import org.secrecyguard.policy.ExternalApps;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.scan.Scanners;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench open}: what the on-access guard adds to {@code open(2)}. A native child (built here with
 * the system's C compiler) opens a file on a scratch tmpfs N times and reports the median, p99 and
 * maximum latency; first with no guard, then with the real fanotify guard holding every open of that
 * filesystem, as an ordinary program (answered at once) and as a chat client opening a clean file
 * (answered from the verdict cache). Linux, root only.
 */
@Command(name = "open", description = "Cost the on-access guard adds to open() (Linux, root).")
final class BenchOpenCommand implements Callable<Integer> {
    static final String OPENER_C = """
/* Opens one file N times and prints the latency of open(2) in nanoseconds: median p99 max.
 * Built by `bench open` with the system's cc; a native child so that the JVM's own costs do not
 * blur the microseconds the on-access guard adds. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: opener FILE COUNT\\n");
        return 2;
    }
    long n = atol(argv[2]);
    long *ns = malloc(sizeof(long) * n);
    if (!ns) return 2;
    for (long i = 0; i < n; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        int fd = open(argv[1], O_RDONLY);
        clock_gettime(CLOCK_MONOTONIC, &b);
        if (fd < 0) {
            perror("open");
            return 1;
        }
        close(fd);
        ns[i] = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
    }
    qsort(ns, n, sizeof(long), cmp);
    printf("%ld %ld %ld\\n", ns[n / 2], ns[(long)(n * 0.99)], ns[n - 1]);
    return 0;
}
""";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--opens", defaultValue = "100000", description = "Opens per run (default ${DEFAULT-VALUE}).")
    int opens;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each kind (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!"root".equals(System.getProperty("user.name")) || !System.getProperty("os.name").startsWith("Linux")) {
            spec.commandLine().getErr().println("bench open needs root on Linux (fanotify permission events)");
            return ExitCodes.ERROR;
        }
        Path work = Files.createTempDirectory("sg-bench-open");
        Path home = Files.createDirectories(work.resolve("home"));
        run(List.of("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", home.toString()));
        try {
            Path opener = compile(work);
            Path chat = Files.createDirectories(work.resolve("opt/wechat")).resolve("wechat");
            Files.copy(opener, chat);
            Files.write(chat, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND); // a build of its own
            chat.toFile().setExecutable(true);
            Path file = Files.writeString(home.resolve("通知.txt"), "关于开展全民健身活动的通知\n欢迎报名。",
                    StandardCharsets.UTF_8);
            out.printf("open() latency over %,d opens of a file on tmpfs, in microseconds: median / p99 / max%n",
                    opens);
            for (int i = 0; i < runs; i++) {
                out.println("  no guard                          " + measure(opener, file));
            }
            try (FanotifyGate gate = new FanotifyGate()) {
                gate.start(List.of(home), FileAccessGate.Request::allow); // the floor: kernel round trip + JNA
                measure(opener, file); // warm-up: the reading loop compiled, as it is in a running service
                for (int i = 0; i < runs; i++) {
                    out.println("  gate alone, allows everything     " + measure(opener, file));
                }
            }
            try (OnAccessGuard guard = guard(home, work)) {
                guard.start();
                measure(opener, file); // a program's first open is judged once; not what is measured
                measure(chat, file); // the chat client's first open scans the file; later ones hit the cache
                for (int i = 0; i < runs; i++) {
                    out.println("  guard, ordinary program           " + measure(opener, file));
                }
                for (int i = 0; i < runs; i++) {
                    out.println("  guard, chat client, cached clean  " + measure(chat, file));
                }
                out.println("  watchdog tripped: " + guard.stalled());
            }
            return ExitCodes.OK;
        } finally {
            run(List.of("umount", "-l", home.toString()));
        }
    }

    private static OnAccessGuard guard(Path home, Path installRoot) {
        return OnAccessGuard.builder().gate(new FanotifyGate()).roots(List.of(home))
                .installRoots(List.of(installRoot))
                .scanner(new ScannerAdapter(Scanners.forFiles(Baseline::engine, false)))
                .policy((verdict, t, time) -> Policy.defaults().decide(verdict, t.channel(), t.destinationApp(),
                        new TimeContext(time)))
                .externalApps(() -> APPS).events(event -> { }).notifiers(user -> SILENT)
                .watchdogLimit(Duration.ofSeconds(3)).build();
    }

    private String measure(Path program, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(program.toString(), file.toString(), Integer.toString(opens))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("opener failed: " + output);
        }
        String[] ns = output.split(" ");
        return String.format("%8.2f / %8.2f / %10.1f", micros(ns[0]), micros(ns[1]), micros(ns[2]));
    }

    private static double micros(String nanos) {
        return Long.parseLong(nanos) / 1000.0;
    }

    private static Path compile(Path work) throws IOException, InterruptedException {
        Path source = Files.writeString(work.resolve("opener.c"), OPENER_C, StandardCharsets.UTF_8);
        Path binary = work.resolve("opener");
        run(List.of("cc", "-O2", "-o", binary.toString(), source.toString()));
        return binary;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.trim());
        }
    }

    private static final ExternalApps APPS = ExternalApps.defaults(); // one instance, as the rules in force give

    private static final UserNotifier SILENT = new UserNotifier() {
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
    };
}

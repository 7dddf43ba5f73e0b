package org.secrecyguard.events;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.Level;

/**
 * Child process of {@link EventLogCrashTest}: appends events forever through all three write paths
 * (single, batched, group-commit futures) and prints each UUID only after its append was acknowledged.
 */
public final class EventWriterChild {
    private EventWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        EventLog log = EventLog.open(Path.of(args[0]));
        // Warm up (class loading, JIT) so the parent's random kill lands among steady appends.
        Event first = TestEvents.internal(Instant.now());
        log.append(first);
        out.println("READY");
        out.println(first.id());
        Thread batches = new Thread(() -> {
            while (true) {
                List<Event> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    batch.add(TestEvents.keywordOnDrive("红星七号", Level.SECRET, Instant.now()));
                }
                log.appendAll(batch);
                batch.forEach(e -> out.println(e.id()));
            }
        });
        batches.start();
        Thread async = new Thread(() -> {
            while (true) {
                Event e = TestEvents.internal(Instant.now());
                log.appendAsync(e).join();
                out.println(e.id());
            }
        });
        async.start();
        while (true) {
            Event e = TestEvents.marking(Level.TOP_SECRET, Instant.now());
            log.append(e);
            out.println(e.id());
        }
    }
}

package org.secrecyguard.channel.clipboard;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.platform.ClipboardContent;
import org.secrecyguard.platform.ClipboardListener;
import org.secrecyguard.platform.ClipboardWatch;
import org.secrecyguard.platform.ForegroundWindow;
import org.secrecyguard.platform.SystemClipboard;
import org.secrecyguard.platform.WindowInfo;

/**
 * Stand-ins for the OS parts of the clipboard guard's logic tests: an in-memory clipboard whose
 * writes notify like an OS watch would, a scripted foreground application, and recorders for events
 * and popups. The real X11 parts are exercised in {@code ClipboardGuardX11Test}.
 */
final class GuardFixtures {
    private GuardFixtures() {
    }

    /** The built-in policy (what a PC without pushed rules applies), through the channel's interface. */
    static final TransferPolicy REAL_POLICY = (verdict, t, time) -> Policy.defaults().decide(verdict,
            t.channel(), t.destinationApp().isEmpty() ? null : t.destinationApp(), new TimeContext(time));

    /** The OS clipboard and its change notifications, in memory. */
    static final class MemoryClipboard implements SystemClipboard, ClipboardWatch {
        private volatile ClipboardContent content = ClipboardContent.EMPTY;
        private volatile ClipboardListener listener;
        final AtomicInteger writes = new AtomicInteger();

        /** Another application copies something. */
        void copy(ClipboardContent c) {
            content = c;
            fire();
        }

        void copyText(String text) {
            copy(ClipboardContent.ofText(text));
        }

        ClipboardContent content() {
            return content;
        }

        private void fire() {
            ClipboardListener l = listener;
            if (l != null) {
                l.clipboardChanged(System.nanoTime());
            }
        }

        @Override
        public ClipboardContent read() {
            return content;
        }

        @Override
        public void writeText(String text) {
            writes.incrementAndGet();
            content = ClipboardContent.ofText(text);
            fire();
        }

        @Override
        public void write(ClipboardContent c) {
            writes.incrementAndGet();
            content = c;
            fire();
        }

        @Override
        public void start(ClipboardListener l) {
            listener = l;
        }

        @Override
        public boolean alive() {
            return listener != null;
        }

        @Override
        public void close() {
            listener = null;
        }

        @Override
        public String name() {
            return "memory";
        }
    }

    /** The application in front, switched by the test. */
    static final class ScriptedForeground implements ForegroundWindow {
        private volatile WindowInfo window;
        /** How often the guard looked: a test waits for a look before it asserts that nothing happened. */
        final AtomicInteger looks = new AtomicInteger();

        void bringToFront(String app) {
            window = new WindowInfo(app, 4242, "/usr/bin/" + app, app + " window", "");
        }

        @Override
        public Optional<WindowInfo> current() {
            looks.incrementAndGet();
            return Optional.ofNullable(window);
        }
    }

    /** A scanner over a given engine; pictures go through a test-supplied reader (OCR stand-in). */
    static final class EngineScanner implements ContentScanner {
        /** The rules in force; a test swaps it to stand for a rules update. */
        volatile Engine engine;
        final AtomicInteger textScans = new AtomicInteger();
        volatile Function<BufferedImage, ScanOutcome> pictures = img -> ScanOutcome.of(
                org.secrecyguard.engine.Verdict.CLEAN);
        volatile boolean imagesSupported = true;

        EngineScanner(Engine engine) {
            this.engine = engine;
        }

        @Override
        public ScanOutcome scanText(String text, String where) {
            textScans.incrementAndGet();
            return ScanOutcome.of(engine.inspect(new Segment(text, SegmentKind.BODY, where)));
        }

        @Override
        public ScanOutcome scanImage(BufferedImage image, String where) {
            return pictures.apply(image);
        }

        @Override
        public ScanOutcome scanFile(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return ScanOutcome.of(engine.inspect(List.of(
                        new Segment(file.getFileName().toString(), SegmentKind.FILE_NAME, "file name"),
                        new Segment(text, SegmentKind.BODY, file.toString()))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean imagesSupported() {
            return imagesSupported;
        }

        @Override
        public String rulesVersion() {
            return engine.rulesVersion();
        }
    }

    static final class RecordingEvents implements EventSink {
        final List<GuardEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void record(GuardEvent event) {
            events.add(event);
        }

        List<GuardEvent> snapshot() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }

}

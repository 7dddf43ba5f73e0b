package org.secrecyguard.channel.screenshot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.Enforcer;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardPipeline;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.Transfer;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.ForegroundWindow;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.ScreenCapture;
import org.secrecyguard.platform.ScreenshotKeys;
import org.secrecyguard.platform.WindowInfo;
import org.secrecyguard.policy.Channel;

/**
 * Checks the screen when a screenshot key is pressed (PrintScreen, Win+Shift+S, WeChat's Alt+A, QQ's
 * Ctrl+Alt+A): what is on screen then is what the screenshot will hold, and a screenshot is how a
 * page ends up "in the wrong chat window". The screen is captured at once and read through the scanner
 * (OCR: header band first) off the key hook's thread.
 *
 * <p>A key cannot be stopped on X11, and swallowing PrintScreen on Windows would break the desktop's
 * own tool, so the guard warns (the popup never claims a block) and logs what the policy wanted. The
 * picture itself, if the tool puts it on the clipboard, is then stopped by the clipboard guard. At most
 * one check runs at a time; a key pressed while one runs is dropped (it shows the same screen).
 */
public final class ScreenshotGuard implements GuardChannel {
    private static final Logger LOG = Logger.getLogger(ScreenshotGuard.class.getName());

    private final Supplier<ScreenshotKeys> keysFactory;
    private final ScreenCapture screen;
    private final ForegroundWindow foreground;
    /** A key press cannot be taken back: the pipeline warns instead of claiming a block. */
    private static final Enforcer KEY_PRESS = Enforcer.reportOnly("a key cannot be stopped: warned instead");

    private final ContentScanner scanner;
    private final GuardPipeline pipeline;

    private ScreenshotKeys keys;
    private ExecutorService checks;
    private volatile ChannelHealth health = ChannelHealth.stopped();

    private ScreenshotGuard(Builder b) {
        this.keysFactory = Objects.requireNonNull(b.keys, "keys");
        this.screen = Objects.requireNonNull(b.screen, "screen");
        this.foreground = b.foreground;
        GuardContext context = Objects.requireNonNull(b.context, "context");
        this.scanner = context.scanner();
        this.pipeline = new GuardPipeline(context);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Channel kind() {
        return Channel.SCREENSHOT;
    }

    @Override
    public synchronized void start() {
        if (checks != null) {
            return;
        }
        // One check at a time and none queued: a burst of key presses shows one screen.
        checks = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, "screenshot-check");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        ExecutorService exec = checks;
        keys = keysFactory.get();
        try {
            keys.start(combination -> exec.execute(() -> check(combination)));
        } catch (PlatformUnavailableException e) {
            LOG.warning(e.getMessage());
            health = new ChannelHealth(ChannelHealth.State.DOWN, List.of(e.limitation().code()));
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!scanner.imagesSupported()) {
            problems.add("ocr-unavailable");
        }
        health = new ChannelHealth(problems.isEmpty() ? ChannelHealth.State.UP : ChannelHealth.State.DEGRADED,
                problems);
    }

    @Override
    public synchronized void stop() {
        if (checks == null) {
            return;
        }
        keys.close();
        checks.shutdownNow();
        try {
            checks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checks = null;
        keys = null;
        health = ChannelHealth.stopped();
    }

    @Override
    public ChannelHealth health() {
        return health;
    }

    private void check(String combination) {
        try {
            String app = foreground.current().map(WindowInfo::processName).orElse("");
            BufferedImage picture = screen.capture();
            ScanOutcome outcome = scanner.scanImage(picture, "screen at " + combination);
            pipeline.decideAndCarryOut(Transfer.toApp(Channel.SCREENSHOT, ContentKind.IMAGE, app), outcome,
                    "screenshot key " + combination + " with this on screen", KEY_PRESS);
        } catch (PlatformUnavailableException e) {
            LOG.log(Level.WARNING, "screen not readable for a screenshot check", e);
            health = new ChannelHealth(ChannelHealth.State.DEGRADED, List.of(e.limitation().code()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "screenshot check failed", e);
        }
    }

    /** Wiring for {@link ScreenshotGuard}; keys, screen and context are required. */
    public static final class Builder {
        private Supplier<ScreenshotKeys> keys;
        private ScreenCapture screen;
        private ForegroundWindow foreground = ForegroundWindow.UNKNOWN;
        private GuardContext context;

        public Builder keys(Supplier<ScreenshotKeys> keys) {
            this.keys = keys;
            return this;
        }

        public Builder screen(ScreenCapture screen) {
            this.screen = screen;
            return this;
        }

        public Builder foreground(ForegroundWindow foreground) {
            this.foreground = foreground;
            return this;
        }

        /** The scanner, policy, event log, popups and clock shared with the other channels. */
        public Builder context(GuardContext context) {
            this.context = context;
            return this;
        }

        public ScreenshotGuard build() {
            return new ScreenshotGuard(this);
        }
    }
}

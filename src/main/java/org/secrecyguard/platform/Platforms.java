package org.secrecyguard.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.secrecyguard.platform.linux.LinuxRemovableMedia;
import org.secrecyguard.platform.linux.X11ClipboardWatch;
import org.secrecyguard.platform.linux.X11ForegroundWindow;
import org.secrecyguard.platform.windows.Win32FileHold;
import org.secrecyguard.platform.windows.Win32FilePickerWatch;
import org.secrecyguard.platform.windows.WindowsClipboardWatch;
import org.secrecyguard.platform.windows.WindowsForegroundWindow;
import org.secrecyguard.platform.windows.WindowsRemovableMedia;

/**
 * Picks the OS adapters once at start-up, so that channels never test the OS themselves. Whatever a
 * desktop cannot do is listed in {@link #limitations()} (for the tray's "degraded" state) instead of
 * being silently skipped.
 */
public final class Platforms {
    private static final Logger LOG = Logger.getLogger(Platforms.class.getName());
    /** Polling period of the fallback watch. */
    public static final Duration POLL_PERIOD = Duration.ofMillis(250);

    private final DesktopSession session;
    private final Supplier<ClipboardWatch> clipboardWatch;
    private final ForegroundWindow foregroundWindow;
    private final SystemClipboard systemClipboard;
    private final RemovableMedia removableMedia;
    private final ScreenCapture screenCapture = new RobotScreenCapture();
    private final List<Limitation> limitations;

    private Platforms(DesktopSession session, Supplier<ClipboardWatch> clipboardWatch,
                      ForegroundWindow foregroundWindow, SystemClipboard systemClipboard,
                      RemovableMedia removableMedia, List<Limitation> limitations) {
        this.session = session;
        this.clipboardWatch = clipboardWatch;
        this.foregroundWindow = foregroundWindow;
        this.systemClipboard = systemClipboard;
        this.removableMedia = removableMedia;
        this.limitations = List.copyOf(limitations);
    }

    /** The adapters for the desktop this JVM runs on. */
    public static Platforms detect() {
        return forSession(DesktopSession.detect());
    }

    /** The adapters for a given session (tests use it to check the choice for Wayland etc.). */
    public static Platforms forSession(DesktopSession session) {
        List<Limitation> limits = new ArrayList<>();
        Supplier<ClipboardWatch> watch;
        ForegroundWindow foreground;
        SystemClipboard clipboard = new LazyAwtClipboard();
        RemovableMedia media = session.kind() == DesktopSession.Kind.WINDOWS ? new WindowsRemovableMedia()
                : session.kind() == DesktopSession.Kind.OTHER ? new UnavailableRemovableMedia()
                : LinuxRemovableMedia.system();
        switch (session.kind()) {
            case WINDOWS -> {
                watch = WindowsClipboardWatch::new;
                foreground = new WindowsForegroundWindow();
            }
            case X11, WAYLAND_WITH_XWAYLAND -> {
                watch = () -> new X11ClipboardWatch(session.display());
                foreground = new X11ForegroundWindow(session.display(), java.nio.file.Path.of("/proc"));
                if (session.kind() == DesktopSession.Kind.WAYLAND_WITH_XWAYLAND) {
                    limits.add(Limitation.WAYLAND_PARTIAL);
                }
            }
            case WAYLAND -> {
                watch = () -> new UnavailableClipboardWatch(Limitation.WAYLAND_WITHOUT_X11,
                        "Wayland session without X display: clipboard cannot be watched");
                foreground = ForegroundWindow.UNKNOWN;
                limits.add(Limitation.WAYLAND_WITHOUT_X11);
            }
            case HEADLESS -> {
                watch = () -> new UnavailableClipboardWatch(Limitation.NO_DISPLAY, "no graphical session");
                foreground = ForegroundWindow.UNKNOWN;
                limits.add(Limitation.NO_DISPLAY);
            }
            default -> {
                watch = () -> new PollingClipboardWatch(clipboard, POLL_PERIOD);
                foreground = ForegroundWindow.UNKNOWN;
                limits.add(Limitation.FOREGROUND_UNKNOWN);
                limits.add(Limitation.REMOVABLE_MEDIA_UNKNOWN);
            }
        }
        LOG.info(() -> "desktop session " + session.kind() + ", limitations " + limits);
        return new Platforms(session, watch, foreground, clipboard, media, limits);
    }

    public DesktopSession session() {
        return session;
    }

    /**
     * A new, not yet started watch of the screenshot keys. The global keyboard hook exists on Windows and
     * on X11 (XRecord); elsewhere starting it throws, and the screenshot channel reports itself down.
     */
    public ScreenshotKeys newScreenshotKeys() {
        return switch (session.kind()) {
            case WINDOWS, X11, WAYLAND_WITH_XWAYLAND -> new NativeHookScreenshotKeys();
            default -> new ScreenshotKeys() {
                @Override
                public void start(java.util.function.Consumer<String> onKey) {
                    throw new PlatformUnavailableException(Limitation.SCREENSHOT_KEYS_UNAVAILABLE,
                            "no global keyboard hook on a " + session.kind() + " session");
                }

                @Override
                public void close() {
                }
            };
        };
    }

    /** The disks a self-check walks, as this OS lays them out. */
    public static LocalDisks localDisks() {
        return OsFamily.current().isWindows() ? org.secrecyguard.platform.windows.WindowsLocalDisks.system()
                : org.secrecyguard.platform.linux.LinuxLocalDisks.system();
    }

    /** How background threads lower their CPU and disk priority on this OS. */
    public static BackgroundPriority backgroundPriority() {
        if (OsFamily.current().isWindows()) {
            return new org.secrecyguard.platform.windows.WindowsBackgroundPriority();
        }
        BackgroundPriority linux = OsFamily.current().isLinux()
                ? org.secrecyguard.platform.linux.LinuxBackgroundPriority.forArch(System.getProperty("os.arch"))
                : null;
        return linux != null ? linux : BackgroundPriority.JAVA_ONLY;
    }

    /** The user's last input for a session (unknown without a display the OS can ask). */
    public static UserActivity userActivity(DesktopSession session) {
        return switch (session.kind()) {
            case WINDOWS -> new org.secrecyguard.platform.windows.WindowsUserActivity();
            case X11, WAYLAND_WITH_XWAYLAND -> new org.secrecyguard.platform.linux.X11UserActivity(session.display());
            default -> UserActivity.UNKNOWN;
        };
    }

    /** What the screen shows now. */
    public ScreenCapture screenCapture() {
        return screenCapture;
    }

    /** A new, not yet started clipboard watch for this desktop. */
    public ClipboardWatch newClipboardWatch() {
        return clipboardWatch.get();
    }

    /** The polling watch, used when the native watch fails to start. */
    public ClipboardWatch newPollingWatch() {
        return new PollingClipboardWatch(systemClipboard, POLL_PERIOD);
    }

    public ForegroundWindow foregroundWindow() {
        return foregroundWindow;
    }

    public SystemClipboard systemClipboard() {
        return systemClipboard;
    }

    /** Where a file chosen in another program's picker can be seen and held: the watch and the hold. */
    public record FilePickers(Supplier<FilePickerWatch> watch, FileHold hold) {
    }

    /**
     * The file pickers of other programs where this OS shows them to an unprivileged app (Windows,
     * out-of-context WinEvents); empty elsewhere: on Linux the system service holds the opens
     * themselves (fanotify), which no picker watch could add to.
     */
    public java.util.Optional<FilePickers> filePickers() {
        if (session.kind() != DesktopSession.Kind.WINDOWS) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FilePickers(
                () -> new Win32FilePickerWatch(Win32FilePickerWatch.knownFolders(System.getenv("USERPROFILE"))),
                new Win32FileHold()));
    }

    /** The removable drives of this machine (the drive channel polls it). */
    public RemovableMedia removableMedia() {
        return removableMedia;
    }

    /**
     * The same adapters with another source of removable drives: where no USB device can be plugged in
     * (the build machine, a demo), a folder stands for a stick.
     */
    public Platforms withRemovableMedia(RemovableMedia media) {
        return new Platforms(session, clipboardWatch, foregroundWindow, systemClipboard, media, limitations);
    }

    /**
     * The same adapters with another clipboard watch (tests use one that fails in ways the OS's do not
     * fail here, to check that one broken channel leaves the others running).
     */
    public Platforms withClipboardWatch(Supplier<ClipboardWatch> watch) {
        return new Platforms(session, watch, foregroundWindow, systemClipboard, removableMedia, limitations);
    }

    /**
     * Starts {@code command} in a user's desktop session, for the system service: runuser with the
     * session's display environment on Linux; the session's user token (WTSQueryUserToken,
     * CreateProcessAsUserW) on Windows; elsewhere an attempt that says it is not built.
     */
    public static SessionLauncher newSessionLauncher(List<String> command) {
        if (OsFamily.current().isLinux()) {
            return new org.secrecyguard.platform.linux.RunuserSessionLauncher(command);
        }
        if (OsFamily.current().isWindows()) {
            return new org.secrecyguard.platform.windows.WtsSessionLauncher(
                    new org.secrecyguard.platform.windows.Win32WtsApi(), command);
        }
        return user -> new SessionLauncher.Launch(false, "starting a tray app in a session is not built for "
                + System.getProperty("os.name"));
    }

    /**
     * How the system service and the users' tray apps reach each other: a Unix domain socket named by
     * SO_PEERCRED on Linux, a named pipe named by its client's process token on Windows.
     */
    public static ServiceChannels serviceChannels() {
        return serviceChannels(OsFamily.current());
    }

    /** The channels of a given OS; choosing the Windows ones loads no Win32 library until they are used. */
    public static ServiceChannels serviceChannels(OsFamily os) {
        return os.isWindows() ? new org.secrecyguard.platform.windows.NamedPipeChannels()
                : new org.secrecyguard.platform.linux.UnixSocketChannels();
    }

    /** The service manager that started the system service: systemd's notifications on Linux, else none. */
    public static ServiceManager newServiceManager() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return org.secrecyguard.platform.linux.SystemdNotify.fromEnvironment(System.getenv());
        }
        return ServiceManager.none();
    }

    /**
     * How the system service connects to the OS's service manager: the service control manager on
     * Windows; elsewhere (systemd starts a plain process) a host that says it is not needed.
     */
    public static ServiceHost serviceHost() {
        if (OsFamily.current().isWindows()) {
            return new org.secrecyguard.platform.windows.Win32ServiceHost();
        }
        return (name, body) -> {
            System.err.println("--windows-service is for Windows; systemd runs guard-service as it is");
            return 2;
        };
    }

    /**
     * The on-access gate of this OS, for the system service (no desktop needed): fanotify on Linux;
     * elsewhere a gate whose start says it is unavailable (Windows watches upload pickers instead).
     */
    public static FileAccessGate newFileAccessGate() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new org.secrecyguard.platform.linux.FanotifyGate();
        }
        return new FileAccessGate() {
            @Override
            public void start(List<java.nio.file.Path> roots, Decider decider) {
                throw new PlatformUnavailableException(Limitation.ON_ACCESS_UNAVAILABLE,
                        "no on-access gate on " + System.getProperty("os.name"));
            }

            @Override
            public void close() {
            }

            @Override
            public long lastBeatNanos() {
                return System.nanoTime();
            }
        };
    }

    /** What this desktop cannot do, known before anything starts. */
    public List<Limitation> limitations() {
        return limitations;
    }

    /** A watch that can never start, carrying the reason. */
    private static final class UnavailableClipboardWatch implements ClipboardWatch {
        private final Limitation limitation;
        private final String reason;

        UnavailableClipboardWatch(Limitation limitation, String reason) {
            this.limitation = limitation;
            this.reason = reason;
        }

        @Override
        public void start(ClipboardListener listener) {
            throw new PlatformUnavailableException(limitation, reason);
        }

        @Override
        public boolean alive() {
            return false;
        }

        @Override
        public void close() {
        }

        @Override
        public String name() {
            return "unavailable";
        }
    }

    /** Drives cannot be listed on this OS (macOS and others): says so on every poll. */
    private static final class UnavailableRemovableMedia implements RemovableMedia {
        @Override
        public List<RemovableVolume> volumes() {
            throw new PlatformUnavailableException(Limitation.REMOVABLE_MEDIA_UNKNOWN,
                    "removable drives cannot be listed on " + System.getProperty("os.name"));
        }

        @Override
        public String name() {
            return "unavailable";
        }
    }

    /** Creates the AWT clipboard on first use, so that choosing adapters never initialises AWT. */
    private static final class LazyAwtClipboard implements SystemClipboard {
        private volatile AwtSystemClipboard delegate;

        private AwtSystemClipboard delegate() {
            AwtSystemClipboard d = delegate;
            if (d == null) {
                synchronized (this) {
                    if (delegate == null) {
                        delegate = new AwtSystemClipboard();
                    }
                    d = delegate;
                }
            }
            return d;
        }

        @Override
        public ClipboardContent read() {
            return delegate().read();
        }

        @Override
        public void writeText(String text) {
            delegate().writeText(text);
        }

        @Override
        public void write(ClipboardContent content) {
            delegate().write(content);
        }
    }
}

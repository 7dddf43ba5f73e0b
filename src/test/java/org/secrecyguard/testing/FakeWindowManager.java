package org.secrecyguard.testing;

import com.sun.jna.platform.unix.X11;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Plays the window manager's part on Xvfb (which has none): creates a window owned by a process with a
 * chosen executable name (a copy of /bin/sleep) and publishes it as the active window through the
 * EWMH properties, with xprop, exactly as a real window manager would.
 */
public final class FakeWindowManager implements AutoCloseable {
    private final X11.Display display;
    private final Path dir;
    private X11.Window window;
    private Process process;

    public FakeWindowManager(Path scratchDir) {
        this.dir = scratchDir;
        this.display = X11.INSTANCE.XOpenDisplay(null);
    }

    /** Makes an application with this executable name the one in front. */
    public void activate(String executableName, String title) throws IOException, InterruptedException {
        closeWindow();
        Path exe = Files.copy(Path.of("/bin/sleep"), dir.resolve(executableName), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        process = new ProcessBuilder(exe.toString(), "120").start();
        window = X11.INSTANCE.XCreateSimpleWindow(display, X11.INSTANCE.XDefaultRootWindow(display), 0, 0, 10, 10,
                0, 0, 0);
        X11.INSTANCE.XSync(display, false);
        String id = "0x" + Long.toHexString(window.longValue());
        xprop("-id", id, "-f", "_NET_WM_PID", "32c", "-set", "_NET_WM_PID", Long.toString(process.pid()));
        xprop("-id", id, "-f", "_NET_WM_NAME", "8u", "-set", "_NET_WM_NAME", title);
        xprop("-root", "-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW", id);
    }

    private void closeWindow() throws InterruptedException {
        if (window != null) {
            X11.INSTANCE.XDestroyWindow(display, window);
            X11.INSTANCE.XSync(display, false);
            window = null;
        }
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws Exception {
        xprop("-root", "-remove", "_NET_ACTIVE_WINDOW");
        closeWindow();
        X11.INSTANCE.XCloseDisplay(display);
    }

    private static void xprop(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "xprop";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("xprop failed: " + out);
        }
    }
}

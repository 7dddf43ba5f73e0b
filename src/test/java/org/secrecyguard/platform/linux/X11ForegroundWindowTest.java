package org.secrecyguard.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.platform.unix.X11;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.platform.WindowInfo;

/**
 * Names the application in front the way an EWMH window manager publishes it. Xvfb has no window
 * manager, so the test plays its part with xprop: it creates a window owned by a process called
 * "wechat" and marks it active on the root window.
 */
class X11ForegroundWindowTest {
    private X11.Display display;
    private X11.Window window;
    private Process wechat;
    private final X11ForegroundWindow foreground = new X11ForegroundWindow();

    @BeforeEach
    void needsX() {
        assumeTrue(System.getenv("DISPLAY") != null, "runs under xvfb-run (CI runs every test there)");
    }

    @AfterEach
    void cleanUp() throws Exception {
        foreground.close();
        xprop("-root", "-remove", "_NET_ACTIVE_WINDOW");
        if (display != null) {
            X11.INSTANCE.XDestroyWindow(display, window);
            X11.INSTANCE.XCloseDisplay(display);
        }
        if (wechat != null) {
            wechat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void namesTheActiveWindowsProcessTitleAndClass(@TempDir Path dir) throws Exception {
        // A process whose executable is called "wechat", as the Linux WeChat client's is.
        Path exe = Files.copy(Path.of("/bin/sleep"), dir.resolve("wechat"), StandardCopyOption.COPY_ATTRIBUTES);
        wechat = new ProcessBuilder(exe.toString(), "60").start();
        String id = createWindow();
        xprop("-id", id, "-f", "_NET_WM_PID", "32c", "-set", "_NET_WM_PID", Long.toString(wechat.pid()));
        xprop("-id", id, "-f", "_NET_WM_NAME", "8u", "-set", "_NET_WM_NAME", "微信 - 文件传输助手");
        xprop("-id", id, "-f", "WM_CLASS", "8s", "-set", "WM_CLASS", "wechat");
        xprop("-root", "-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW", id);

        WindowInfo w = foreground.current().orElseThrow();
        assertEquals("wechat", w.appName());
        assertEquals(wechat.pid(), w.pid());
        assertEquals(exe.toRealPath().toString(), w.executable());
        assertEquals("微信 - 文件传输助手", w.title());
        assertEquals("wechat", w.windowClass());
    }

    @Test
    void noActiveWindowMeansNothingInFront() throws Exception {
        xprop("-root", "-remove", "_NET_ACTIVE_WINDOW");
        assertEquals(Optional.empty(), foreground.current());
    }

    @Test
    void aWindowThatVanishedDoesNotCrashTheProcess() throws Exception {
        // BadWindow from Xlib would end the JVM through Xlib's default error handler.
        xprop("-root", "-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW", "0x3ffff01");
        assertEquals(Optional.empty(), foreground.current());
        assertEquals(Optional.empty(), foreground.current());
        assertTrue(true, "still alive");
    }

    private String createWindow() {
        display = X11.INSTANCE.XOpenDisplay(null);
        window = X11.INSTANCE.XCreateSimpleWindow(display, X11.INSTANCE.XDefaultRootWindow(display), 0, 0, 10, 10,
                0, 0, 0);
        X11.INSTANCE.XSync(display, false);
        return "0x" + Long.toHexString(window.longValue());
    }

    static void xprop(String... args) throws IOException, InterruptedException {
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

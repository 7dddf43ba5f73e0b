package org.secrecyguard.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.OsFamily;

/**
 * Keeps the resident app light, applied before JavaFX starts (measured in docs/benchmarks.md):
 * <ul>
 *   <li>{@code prism.order=sw}: the tray UI is a few plain windows; software rendering avoids loading
 *       GPU drivers into a process that runs all day;</li>
 *   <li>{@code GDK_GL=disable} (Linux): GTK 3 otherwise loads OpenGL through libepoxy at start-up, which
 *       on Mesa maps LLVM (≈ 50 MB resident) although JavaFX does not use it with the software pipeline;</li>
 *   <li>{@code javafx.animation.pulse=30}: JavaFX wakes its UI thread on every pulse even when idle;
 *       30 Hz halves that cost and is still smooth for typing.</li>
 *   <li>{@code prism.disableRegionCaching=true}: otherwise the first styled background (rounded or
 *       gradient) makes JavaFX allocate a 2048×1024 cache texture, an 8 MB int[] kept for the life of
 *       the process; redrawing a few small windows without it costs nothing noticeable.</li>
 * </ul>
 * Each is left alone when the user or IT set it explicitly.
 */
final class ResidentTuning {
    private static final Logger LOG = Logger.getLogger(ResidentTuning.class.getName());

    private ResidentTuning() {
    }

    static void apply() {
        setDefault("prism.order", "sw");
        setDefault("javafx.animation.pulse", "30");
        setDefault("prism.disableRegionCaching", "true");
        if (OsFamily.current().isLinux()
                && System.getenv("GDK_GL") == null) {
            try {
                // Before GTK is loaded no other thread reads the environment, so setenv is safe here.
                LibC.INSTANCE.setenv("GDK_GL", "disable", 0);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.log(Level.FINE, "GDK_GL not set", e);
            }
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);
    }
}

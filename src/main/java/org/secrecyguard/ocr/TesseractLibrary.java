package org.secrecyguard.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sourceforge.tess4j.TessAPI;

/**
 * Loads the Tesseract C library once per process, safely: a missing or broken library gives a
 * reason, never an error that escapes (UnsatisfiedLinkError, NoClassDefFoundError and friends are
 * caught here). On Linux the system's libtesseract (Debian: libtesseract5) is used; on Windows the
 * DLLs bundled in the tess4j jar.
 *
 * <p>Before loading it sets OMP_THREAD_LIMIT=1 in the process environment (through libc's setenv, as
 * Java cannot change its own environment) unless the user set it: OpenMP reads it when Tesseract's
 * runtime starts, and one OpenMP thread per handle is about twice as fast on a two-core PC, where
 * Tesseract's default threads only fight each other and the JVM.
 */
final class TesseractLibrary {
    private static final Logger LOG = Logger.getLogger(TesseractLibrary.class.getName());
    private static Loaded loaded;
    private static Boolean openMpLimited; // null until prepare or load decided it

    /** The monitor functions with plain pointers (tess4j's ETEXT_DESC layout does not match 5.x). */
    interface MonitorApi extends Library {
        Pointer TessMonitorCreate();

        void TessMonitorSetDeadlineMSecs(Pointer monitor, int deadline);

        void TessMonitorDelete(Pointer monitor);

        int TessBaseAPIRecognize(Pointer handle, Pointer monitor);
    }

    /** Linux/Unix libc, for setenv. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * The loaded library or why it is not there.
     *
     * @param api              tess4j's mapping, null when not loaded
     * @param monitor          deadline functions, null when not loaded
     * @param version          Tesseract's version string, or ""
     * @param openMpLimited    whether OMP_THREAD_LIMIT=1 was set before loading
     * @param problem          null when loaded, else the user-facing reason
     */
    record Loaded(TessAPI api, MonitorApi monitor, String version, boolean openMpLimited, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private TesseractLibrary() {
    }

    static synchronized Loaded load(boolean limitOpenMpThreads) {
        if (loaded == null) {
            loaded = tryLoad(prepare(limitOpenMpThreads));
        }
        return loaded;
    }

    /**
     * Sets OMP_THREAD_LIMIT=1 (when asked and the user did not set it) without loading Tesseract, so
     * it is done at start-up while no other thread reads the environment; returns whether it is set.
     */
    static synchronized boolean prepare(boolean limitOpenMpThreads) {
        if (openMpLimited == null) {
            openMpLimited = limitOpenMpThreads && limitOpenMp();
        }
        return openMpLimited;
    }

    /**
     * Whether the library is there, from files only (nothing is loaded): the DLL bundled in the
     * tess4j jar on Windows, a {@code libtesseract} file in the loader's folders elsewhere. False
     * means "not found by name", not "missing": the caller then loads it to be sure.
     */
    static boolean installed() {
        if (loaded != null) {
            return loaded.ok();
        }
        for (String name : libraryNames()) {
            String file = name.contains(".so") ? name : System.mapLibraryName(name);
            if (TesseractLibrary.class.getClassLoader().getResource(Platform.RESOURCE_PREFIX + "/" + file) != null) {
                return true;
            }
            for (Path dir : libraryDirs()) {
                if (Files.isRegularFile(dir.resolve(file))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Folders the system loader and JNA search, as far as they can be known without loading. */
    private static List<Path> libraryDirs() {
        List<Path> dirs = new ArrayList<>();
        for (String prop : List.of("jna.library.path", "java.library.path")) {
            addPathList(dirs, System.getProperty(prop));
        }
        addPathList(dirs, System.getenv(Platform.isWindows() ? "PATH" : "LD_LIBRARY_PATH"));
        if (!Platform.isWindows()) {
            for (String d : List.of("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib", "/opt/homebrew/lib")) {
                dirs.add(Path.of(d));
            }
            String multiarch = Platform.ARCH.equals("x86-64") ? "x86_64" : Platform.ARCH;
            dirs.add(Path.of("/usr/lib/" + multiarch + "-linux-gnu"));
            try (DirectoryStream<Path> conf = Files.newDirectoryStream(Path.of("/etc/ld.so.conf.d"), "*.conf")) {
                for (Path c : conf) {
                    for (String line : Files.readAllLines(c)) {
                        if (line.startsWith("/")) {
                            dirs.add(Path.of(line.trim()));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "ld.so.conf.d not read", e);
            }
        }
        return dirs;
    }

    private static void addPathList(List<Path> dirs, String list) {
        if (list == null) {
            return;
        }
        for (String d : list.split(java.io.File.pathSeparator)) {
            if (!d.isBlank()) {
                try {
                    dirs.add(Path.of(d.trim()));
                } catch (RuntimeException e) { // an unusable entry in PATH
                    LOG.log(Level.FINE, "library folder skipped", e);
                }
            }
        }
    }

    private static boolean limitOpenMp() {
        if (System.getenv("OMP_THREAD_LIMIT") != null) {
            return "1".equals(System.getenv("OMP_THREAD_LIMIT").trim());
        }
        if (Platform.isWindows()) {
            return false; // tess4j's Windows build does not use OpenMP
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            return libc.setenv("OMP_THREAD_LIMIT", "1", 0) == 0;
        } catch (Throwable e) { // LinkageError or JNA failing: run without the limit
            LOG.log(Level.FINE, "could not set OMP_THREAD_LIMIT", e);
            return false;
        }
    }

    private static Loaded tryLoad(boolean limited) {
        List<String> failures = new ArrayList<>();
        for (String name : libraryNames()) {
            try {
                TessAPI api = Native.load(name, TessAPI.class);
                MonitorApi monitor = Native.load(name, MonitorApi.class);
                String version = api.TessVersion();
                return new Loaded(api, monitor, version == null ? "" : version, limited, null);
            } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, JNA's own errors
                failures.add(name + ": " + e.getMessage());
            }
        }
        LOG.log(Level.FINE, "Tesseract library not loaded: {0}", failures);
        String hint = Platform.isWindows()
                ? "reinstall SecrecyGuard (the Tesseract DLLs and the Visual C++ 2022 runtime are needed)"
                : "install libtesseract5 (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim)";
        return new Loaded(null, null, "", limited, "OCR unavailable: the Tesseract library could not be loaded ("
                + hint + ")");
    }

    private static List<String> libraryNames() {
        if (Platform.isWindows()) {
            return List.of("libtesseract553", "tesseract");
        }
        if (Platform.isMac()) {
            return List.of("tesseract");
        }
        return List.of("tesseract", "libtesseract.so.5", "libtesseract.so.4");
    }
}

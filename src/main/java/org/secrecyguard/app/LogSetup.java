package org.secrecyguard.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging to a rolling file in the data folder (5 files of 1 MB). Log lines describe
 * decisions (channel, level, rule, action), never the caught content: classes that log promise that.
 */
public final class LogSetup {
    public static final int LIMIT_BYTES = 1 << 20;
    public static final int COUNT = 5;

    private LogSetup() {
    }

    /** Installs the file handler on the root logger; returns the log folder. */
    public static Path install(Path dataDir) throws IOException {
        Path logs = dataDir.resolve("logs");
        Files.createDirectories(logs);
        System.setProperty("java.util.logging.SimpleFormatter.format",
                "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
        FileHandler file = new FileHandler(logs.resolve("secrecy-guard-%g.log").toString(), LIMIT_BYTES, COUNT, true);
        file.setEncoding(StandardCharsets.UTF_8.name());
        file.setFormatter(new SimpleFormatter());
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            h.setLevel(Level.WARNING); // console: only problems
        }
        root.addHandler(file);
        root.setLevel(Level.INFO);
        Logger.getLogger("javafx").setLevel(Level.WARNING);
        Logger.getLogger("com.github.kwhat.jnativehook").setLevel(Level.WARNING);
        return logs;
    }
}

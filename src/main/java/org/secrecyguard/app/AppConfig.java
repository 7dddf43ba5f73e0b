package org.secrecyguard.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.secrecyguard.platform.OsFamily;

/**
 * The resident app's configuration, from {@code secrecy-guard.properties} in the data folder (written
 * with commented defaults on first start). IT sets the admin PIN hash ({@code secrecy-guard pin-hash}),
 * the rules database and the collector URL there.
 *
 * @param dataDir      per-user folder for configuration, lock, logs and local data
 * @param rulesDb      local rules database (SQLite), used when no rules source is configured
 * @param rulesSource  where signed rule bundles come from: a folder or an https URL ("" = none)
 * @param rulesPublicKey the Ed25519 public key bundles must be signed with (PEM or base64)
 * @param collectorUrl where events are uploaded ("" = not configured)
 * @param collectorToken the agent token the collector asks for ({@code keys token}; "" = none)
 * @param adminPinHash PBKDF2 hash of the admin PIN ("" = none: protection cannot be stopped)
 * @param language     "zh-CN" (default) or "en"
 * @param warnSeconds  how long a warning popup stays
 * @param systemTray   false to always use the status window instead of the tray icon
 * @param chatFolders  folders holding chat applications' file stores ("WeChat Files", "xwechat_files"…)
 *                     besides the user's Documents folder, for users who moved them (e.g. D:\微信)
 * @param serviceSocket the system service's socket (on-access guard popups, tamper watch; "" = no service
 *                     expected); on Windows a pipe name ({@code \\.\pipe\…}), anything else meaning the
 *                     default pipe
 * @param folderPollPeriod how often removable drives and chat file stores are looked at (default 2 s;
 *                     shorter costs idle CPU, longer lets a copied file wait longer for its check)
 * @param selfCheckWeekly the site's weekly self-check slot ({@code selfcheck.weekly}, "MON 12:30"; "" = none);
 *                     a slot in the signed rules wins over it ({@code selfcheck.CheckScheduler})
 */
public record AppConfig(Path dataDir, Path rulesDb, String rulesSource, String rulesPublicKey, String collectorUrl,
                        String collectorToken, String adminPinHash, String language, Duration warnSeconds, boolean systemTray,
                        List<Path> chatFolders, Duration folderPollPeriod, String serviceSocket,
                        String selfCheckWeekly) {
    public AppConfig {
        chatFolders = List.copyOf(chatFolders);
    }

    public static final String FILE = "secrecy-guard.properties";
    /** Where the system service (installer/) listens for the users' tray apps. */
    public static final String DEFAULT_SERVICE_SOCKET = InstalledPaths.CURRENT.serviceSocket().toString();
    /** System property (then environment variable SECRECY_GUARD_HOME) overriding the data folder. */
    public static final String DATA_DIR_PROPERTY = "secrecyguard.home";

    /** The per-user data folder for an OS named as {@code os.name} names it, or the override. */
    public static Path defaultDataDir(String osName, Map<String, String> env, String userHome, String override) {
        return defaultDataDir(OsFamily.of(osName), env, userHome, override);
    }

    /** The per-user data folder for an OS family, or the override. */
    public static Path defaultDataDir(OsFamily os, Map<String, String> env, String userHome, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return org.secrecyguard.platform.UserDataFolder.of(os, env, userHome);
    }

    /** Reads (and on first start writes) the configuration of the given data folder. */
    public static AppConfig load(Path dataDir) throws IOException {
        return load(dataDir, new Properties(), dataDir);
    }

    /**
     * Reads the data folder's configuration with {@code overrides} (the site settings of an installed PC)
     * in place of the folder's own values, and a relative {@code rules.db} resolved against {@code rulesBase}.
     */
    static AppConfig load(Path dataDir, Properties overrides, Path rulesBase) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            writeDefaults(file);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.putAll(overrides);
        String rules = p.getProperty("rules.db", "").trim();
        int warn = parseInt(p.getProperty("popup.warn.seconds", "8"), 8);
        int pollMillis = parseInt(p.getProperty("watch.poll.millis", "2000"), 2000);
        return new AppConfig(dataDir,
                rules.isEmpty() ? rulesBase.resolve("rules.db") : rulesBase.resolve(rules),
                p.getProperty("rules.source", "").trim(),
                p.getProperty("rules.publicKey", "").trim(),
                p.getProperty("collector.url", "").trim(),
                p.getProperty("collector.token", "").trim(),
                p.getProperty("admin.pin.hash", "").trim(),
                p.getProperty("ui.language", "zh-CN").trim(),
                Duration.ofSeconds(Math.max(2, Math.min(60, warn))),
                Boolean.parseBoolean(p.getProperty("ui.systemTray", "true").trim()),
                folders(p.getProperty("chat.folders", "")),
                Duration.ofMillis(Math.max(100, Math.min(60_000, pollMillis))),
                p.getProperty("service.socket", DEFAULT_SERVICE_SOCKET).trim(),
                p.getProperty("selfcheck.weekly", "").trim());
    }

    /** A ';'-separated list of absolute folders; anything else in it is left out (and logged by the caller's use). */
    static List<Path> folders(String list) {
        List<Path> out = new ArrayList<>();
        for (String part : list.split(";")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                Path p = Path.of(s);
                if (p.isAbsolute()) {
                    out.add(p);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // a typo in the configuration must not stop the guard
            }
        }
        return out;
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void writeDefaults(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("""
                    # SecrecyGuard (保密卫士) configuration. Set by IT; read at start-up.
                    # Signed rule bundles from the secrecy office: a folder (LAN share) or an https:// URL,
                    # and the Ed25519 public key pinned at install (PEM on one line or base64).
                    rules.source=
                    rules.publicKey=
                    # Without a source: a local rules database (SQLite), relative to this folder or absolute.
                    rules.db=rules.db
                    # Event collector of the unit's secrecy office, e.g. https://collector.example.gov.cn/events
                    collector.url=
                    # The agent token the collector was given for this site (secrecy-guard keys token).
                    collector.token=
                    # Admin PIN hash from `secrecy-guard pin-hash`. Without it, protection cannot be stopped.
                    admin.pin.hash=
                    # UI language: zh-CN (default) or en.
                    ui.language=zh-CN
                    # Seconds a warning popup stays on screen.
                    popup.warn.seconds=8
                    # false: always use the status window instead of the system tray icon.
                    ui.systemTray=true
                    # Folders where users moved their chat applications' files (the folder that holds
                    # "WeChat Files", "xwechat_files", "WXWork" or "Tencent Files"), separated by ';'.
                    # The user's Documents folder is always watched.
                    chat.folders=
                    # Milliseconds between looks at removable drives and chat file stores (100–60000).
                    watch.poll.millis=2000
                    # The system service's socket (on-access guard); empty when no service is installed.
                    service.socket=/run/secrecy-guard/guard.sock
                    # Weekly self-check, local time, e.g. MON 12:30 (empty: none). A slot in the signed
                    # rules from the secrecy office wins over this one.
                    selfcheck.weekly=
                    """);
        }
    }
}

package org.secrecyguard.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The site settings of an installed PC: {@code /etc/secrecy-guard/site.properties} (Windows:
 * {@code %ProgramData%\SecrecyGuard\site.properties}, {@link InstalledPaths}), written by IT (or by
 * the package from its example) and owned by root or SYSTEM, so users can read but not change it. Its presence is
 * what marks an installed PC: the system service keeps rules, updater state and its event log in the
 * root-owned {@code /var/lib/secrecy-guard}, and every user's tray app takes the site's values over its
 * own per-user file and its rules from the bundle the service installed there (verified again with the
 * site's public key), so a user who deletes or edits their own folder gets the same rules back.
 * Without the file (a source checkout, a developer's PC) everything stays per user, as before.
 *
 * @param file       the site file
 * @param systemHome the service's root-owned folder
 */
record SiteSettings(Path file, Path systemHome) {
    static final SiteSettings INSTALLED = new SiteSettings(InstalledPaths.CURRENT.siteFile(),
            InstalledPaths.CURRENT.serviceHome());
    /** The bundle the service's updater keeps in force ({@code RuleUpdater}'s rules folder). */
    static final String SERVICE_BUNDLE = "rules/current.bundle";

    /** The installed PC's settings, or empty when this PC has no site file. */
    static Optional<SiteSettings> installed() {
        return Files.isRegularFile(INSTALLED.file()) ? Optional.of(INSTALLED) : Optional.empty();
    }

    /** The system service's configuration: its folder, the site's rules source and collector. */
    AppConfig forService(Path home) throws IOException {
        return AppConfig.load(home, read(), home);
    }

    /**
     * A user's tray app configuration: per-user folder for its lock, logs, events and quarantine; the site's
     * values over the user's; and, when the site has a rules source, the service's installed bundle as the
     * source, so the tray never fetches on its own and a user cannot point it elsewhere.
     */
    AppConfig forUser(Path dataDir) throws IOException {
        Properties site = read();
        if (!site.getProperty("rules.source", "").isBlank()) {
            site.setProperty("rules.source", systemHome.resolve(SERVICE_BUNDLE).toString());
        }
        return AppConfig.load(dataDir, site, systemHome);
    }

    Properties read() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        // Trim once here: values IT typed with trailing blanks must still override the user's file.
        Properties trimmed = new Properties();
        p.stringPropertyNames().forEach(k -> trimmed.setProperty(k.trim(), p.getProperty(k).trim()));
        return trimmed;
    }
}

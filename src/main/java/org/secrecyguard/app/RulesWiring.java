package org.secrecyguard.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.rules.ActiveRules;
import org.secrecyguard.rules.BundleSource;
import org.secrecyguard.rules.FolderSource;
import org.secrecyguard.rules.HttpSource;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.rules.RuleUpdater;
import org.secrecyguard.rules.RulesException;
import org.secrecyguard.rules.SigningKeys;
import org.secrecyguard.rules.UpdateListener;

/**
 * Where the guard's rules come from, in order of preference:
 * <ol>
 *   <li>signed bundles from the unit's source ({@code rules.source}: a folder or an https URL), verified
 *       against the public key pinned at install ({@code rules.publicKey}); the last good bundle is
 *       loaded at start-up and the source polled;</li>
 *   <li>otherwise a local rules database ({@code rules.db}) when it exists (an administrator's PC);</li>
 *   <li>otherwise the built-in baseline (markings).</li>
 * </ol>
 * Whatever happens, the rules in force change only as a whole, and a refused update keeps the old set.
 */
final class RulesWiring implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RulesWiring.class.getName());

    private final ActiveRules<GuardRules> active = new ActiveRules<>(GuardRules::of, GuardRules.baseline());
    private final RuleUpdater updater;
    private final String sourceProblem;

    /**
     * @param events receives RULES_UPDATED / RULES_REJECTED with a short detail (never rule content)
     */
    RulesWiring(AppConfig config, EventsOut events) {
        RuleUpdater u = null;
        String problem = null;
        if (!config.rulesSource().isBlank()) {
            try {
                u = updater(config, events);
                RuleUpdater.Outcome first = u.loadInstalled();
                LOG.info(() -> "installed rules: " + first.status() + ", version " + first.activeVersion());
                u.start();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "rule updates unavailable: " + e.getMessage(), e);
                problem = "rules-source-invalid";
                u = null;
            }
        } else if (Files.isRegularFile(config.rulesDb())) {
            try (RuleStore store = RuleStore.open(config.rulesDb())) {
                active.prepare(store.loadSnapshot()).publish();
                LOG.info(() -> "rules from local database " + config.rulesDb() + ": " + versionLabel());
            } catch (RulesException | IllegalStateException e) {
                LOG.log(Level.SEVERE, "local rules database refused, baseline rules in force", e);
                problem = "rules-db-invalid";
            }
        }
        this.updater = u;
        this.sourceProblem = problem;
    }

    private RuleUpdater updater(AppConfig config, EventsOut events) throws IOException {
        if (config.rulesPublicKey().isBlank()) {
            throw new RulesException("rules.source is set but rules.publicKey is not: bundles cannot be verified");
        }
        PublicKey key = SigningKeys.parsePublic(config.rulesPublicKey());
        String src = config.rulesSource().trim();
        BundleSource source = src.toLowerCase(Locale.ROOT).startsWith("https://")
                || src.toLowerCase(Locale.ROOT).startsWith("http://") ? new HttpSource(URI.create(src))
                : folderSource(Path.of(src));
        return RuleUpdater.builder().source(source).publicKey(key).rulesDir(config.dataDir().resolve("rules"))
                .activeRules(active).listener(new UpdateListener() {
                    @Override
                    public void applied(Applied update) {
                        events.accept(EventKind.RULES_UPDATED, "rules " + update.fromVersion() + " -> "
                                + update.toVersion() + " from " + update.source());
                    }

                    @Override
                    public void rejected(Rejected r) {
                        events.accept(EventKind.RULES_REJECTED, r.reason() + ": " + r.message());
                    }
                }).build();
    }

    /**
     * A folder holding {@code secrecy-guard-rules.zip}, or one bundle file named directly (how an installed
     * PC's tray apps follow the bundle the system service installed).
     */
    static FolderSource folderSource(Path source) {
        String name = source.getFileName() == null ? "" : source.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean bundleFile = (name.endsWith(".zip") || name.endsWith(".bundle")) && !Files.isDirectory(source)
                && source.getParent() != null;
        return bundleFile ? new FolderSource(source.getParent(), source.getFileName().toString()) : new FolderSource(source);
    }

    /** The rules in force now (one consistent engine, policy and texts). */
    GuardRules current() {
        return active.value();
    }

    /** The rules in force with the snapshot they came from (null snapshot: the baseline), read together. */
    ActiveRules.Active<GuardRules> active() {
        return active.current();
    }

    String versionLabel() {
        return active.value().versionLabel();
    }

    /** A problem code for the tray when the configured rules could not be used, else null. */
    String problem() {
        return sourceProblem;
    }

    boolean updatesConfigured() {
        return updater != null;
    }

    /** Checks the source now; returns the outcome for the user. Blocks up to the updater's deadline. */
    RuleUpdater.Outcome checkNow() {
        return updater.checkNow();
    }

    @Override
    public void close() {
        if (updater != null) {
            updater.close();
        }
    }

    /** Where rule events go (the event log). */
    @FunctionalInterface
    interface EventsOut {
        void accept(EventKind kind, String detail);
    }
}

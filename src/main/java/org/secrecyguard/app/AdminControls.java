package org.secrecyguard.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.policy.AdminPin;
import org.secrecyguard.rules.RuleUpdater;
import org.secrecyguard.scan.ProductVersion;
import org.secrecyguard.ui.GuardControl;
import org.secrecyguard.ui.Messages;

/**
 * The tray menu's admin actions: the PIN check, pausing and resuming protection, exit, and a rules
 * update on demand. Pause and exit are only reached after the PIN was verified (the UI asks); both
 * are logged as system events so the secrecy office sees them.
 */
final class AdminControls implements GuardControl {
    private static final Logger LOG = Logger.getLogger(AdminControls.class.getName());

    private final AppConfig config;
    private final Clock clock;
    private final List<GuardChannel> channels;
    private final GuardStatus status;
    private final RulesWiring rules;
    private final BiConsumer<EventKind, String> system;
    private final ScheduledExecutorService timer;
    private final Runnable exit;
    private ScheduledFuture<?> pauseEnd;

    /**
     * @param system records a system event (kind, detail)
     * @param exit   stops everything and ends the process
     */
    AdminControls(AppConfig config, Clock clock, List<GuardChannel> channels, GuardStatus status, RulesWiring rules,
                  BiConsumer<EventKind, String> system, ScheduledExecutorService timer, Runnable exit) {
        this.config = config;
        this.clock = clock;
        this.channels = channels;
        this.status = status;
        this.rules = rules;
        this.system = system;
        this.timer = timer;
        this.exit = exit;
    }

    @Override
    public boolean pinConfigured() {
        return AdminPin.isWellFormed(config.adminPinHash());
    }

    @Override
    public boolean verifyPin(char[] pin) {
        boolean ok = AdminPin.verify(pin, config.adminPinHash());
        LOG.info(ok ? "admin PIN accepted" : "admin PIN rejected");
        return ok;
    }

    @Override
    public synchronized void pause(Duration duration) {
        Instant until = clock.instant().plus(duration);
        LOG.warning("protection paused by admin until " + until);
        channels.forEach(GuardChannel::stop);
        system.accept(EventKind.CHANNEL_DOWN, "paused by admin until " + until);
        status.paused(until);
        if (pauseEnd != null) {
            pauseEnd.cancel(false);
        }
        pauseEnd = timer.schedule(this::resume, duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void resume() {
        if (pauseEnd != null) {
            pauseEnd.cancel(false);
            pauseEnd = null;
        }
        channels.forEach(GuardChannel::start);
        system.accept(EventKind.CHANNEL_UP, "pause ended");
        status.paused(null);
        LOG.warning("protection resumed");
    }

    @Override
    public void exit() {
        LOG.warning("exit requested by admin");
        exit.run();
    }

    @Override
    public String updateRulesNow() {
        Messages m = Messages.forLanguage(config.language());
        if (!rules.updatesConfigured()) {
            return m.format("rules.notConfigured", rules.versionLabel());
        }
        RuleUpdater.Outcome o = rules.checkNow();
        status.refresh();
        return switch (o.status()) {
            case APPLIED -> m.format("rules.updated", rules.versionLabel());
            case UP_TO_DATE, BASELINE -> m.format("rules.unchanged", rules.versionLabel());
            case REJECTED -> m.format("rules.updateFailed", o.reason() + (o.message().isEmpty() ? "" : ": " + o.message()));
        };
    }

    @Override
    public String version() {
        return ProductVersion.current();
    }
}

package org.secrecyguard.ui;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * The resident face of the guard: a tray icon (or, where the desktop has no system tray, the
 * always-on-top status window that says so), its menu, popups, and the history and check-a-file
 * windows. Created once by the app after the JavaFX toolkit started; all public methods may be
 * called from any thread.
 */
public final class GuardUi implements TrayMenu.Actions {
    private static final Logger LOG = Logger.getLogger(GuardUi.class.getName());
    /** Length of the pause offered in the menu. */
    public static final Duration PAUSE = Duration.ofMinutes(15);

    private final UiServices services;
    private final Messages m;
    private final Popups popups;
    private final boolean systemTray;
    private AwtTray tray;                  // FX thread (or null)
    private StatusWindow statusWindow;     // FX thread, created lazily where a tray exists
    private HistoryWindow history;         // FX thread, lazily
    private FileCheckWindow fileCheck;     // FX thread, lazily
    private SelfCheckWindow selfCheck;     // FX thread, lazily

    private GuardUi(UiServices services, boolean useSystemTray) {
        this.services = services;
        this.m = services.messages();
        this.popups = new Popups(m, services.warnDuration());
        this.systemTray = useSystemTray;
    }

    /**
     * Starts the UI: the JavaFX toolkit if needed, then the tray icon or the fallback status window.
     *
     * @param allowSystemTray false forces the status window (tests, screenshots)
     */
    public static GuardUi start(UiServices services, boolean allowSystemTray) {
        Fx.startToolkit();
        boolean tray = allowSystemTray && AwtTray.supported();
        GuardUi ui = new GuardUi(services, tray);
        Fx.call(() -> {
            ui.init();
            return null;
        }).join();
        services.status().subscribe(s -> Fx.run(ui::refresh));
        return ui;
    }

    private void init() {
        String family = UiFonts.family();
        if (systemTray) {
            tray = AwtTray.install(m, family, this::showStatus).orElse(null);
        }
        if (tray == null) {
            statusWindow = new StatusWindow(m, true);
            popups.reserveBottom(() -> statusWindow.stage().isShowing()
                    ? statusWindow.stage().getHeight() + Popups.GAP : 0);
        }
        refresh();
        if (tray == null) {
            statusWindow.show();
        }
        LOG.info(tray != null ? "tray icon installed" : "no system tray: status window shown");
    }

    /** True when the AWT tray icon is in use, false when the status window stands in for it. */
    public boolean usesSystemTray() {
        return tray != null;
    }

    public Popups popups() {
        return popups;
    }

    /** Shows a block popup (and turns the tray red through the status model). */
    public void showBlock(AlertView alert) {
        popups.showBlock(alert);
    }

    public void showWarn(AlertView alert) {
        popups.showWarn(alert);
    }

    public CompletableFuture<Optional<String>> askOverride(AlertView alert) {
        return popups.askOverride(alert);
    }

    private void refresh() {
        StatusSnapshot s = services.status().current();
        List<MenuEntry> entries = TrayMenu.entries(m, s, services.control().pinConfigured(), this);
        if (tray != null) {
            tray.update(s, entries);
        }
        if (statusWindow != null) {
            statusWindow.update(s, entries);
        }
    }

    @Override
    public void showStatus() {
        Fx.run(() -> {
            if (statusWindow == null) {
                statusWindow = new StatusWindow(m, false);
                refresh();
            }
            statusWindow.show();
        });
    }

    @Override
    public void showHistory() {
        Fx.run(() -> {
            if (history == null) {
                history = new HistoryWindow(m, services.history(), services.clock());
            }
            history.show();
        });
    }

    @Override
    public void showFileCheck() {
        Fx.run(() -> {
            if (fileCheck == null) {
                fileCheck = new FileCheckWindow(m, services.files());
            }
            fileCheck.show();
        });
    }

    @Override
    public boolean selfCheckAvailable() {
        return services.selfCheck() != null;
    }

    @Override
    public void showSelfCheck() {
        Fx.run(() -> {
            if (selfCheck == null) {
                selfCheck = new SelfCheckWindow(m, services.selfCheck());
            }
            selfCheck.show();
        });
    }

    @Override
    public void updateRules() {
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                return services.control().updateRulesNow();
            }
        };
        task.setOnSucceeded(e -> info(m.get("menu.updateRules"), task.getValue()));
        task.setOnFailed(e -> info(m.get("menu.updateRules"),
                m.format("rules.updateFailed", String.valueOf(task.getException().getMessage()))));
        Thread t = new Thread(task, "rules-update");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void showAbout() {
        Fx.run(() -> info(m.get("about.title"), m.format("about.text", services.control().version())));
    }

    @Override
    public void pause() {
        Fx.run(() -> {
            if (services.control().pinConfigured()
                    && PinDialog.ask(m, "pin.action.pause", services.control()::verifyPin)) {
                services.control().pause(PAUSE);
            }
        });
    }

    @Override
    public void resume() {
        Fx.run(() -> services.control().resume());
    }

    @Override
    public void exit() {
        Fx.run(() -> {
            if (services.control().pinConfigured()
                    && PinDialog.ask(m, "pin.action.exit", services.control()::verifyPin)) {
                services.control().exit();
            }
        });
    }

    /** Brings the status window up (a second start of the app asks for this). */
    public void bringToFront() {
        showStatus();
    }

    /** Removes the tray icon and closes every window (app shutdown). */
    public void close() {
        Fx.run(() -> {
            if (tray != null) {
                tray.remove();
            }
            for (Stage s : new java.util.ArrayList<>(Stage.getWindows().stream()
                    .filter(w -> w instanceof Stage).map(w -> (Stage) w).toList())) {
                s.close();
            }
        });
    }

    private void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(null);
        UiFonts.apply(a.getDialogPane());
        ((Stage) a.getDialogPane().getScene().getWindow()).setAlwaysOnTop(true);
        a.show();
    }

    // Package access for tests.
    StatusWindow statusWindow() {
        return statusWindow;
    }

    SelfCheckWindow selfCheckWindow() {
        return selfCheck;
    }
}

package org.secrecyguard.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of the tray menu for a given status: status, recent events, check a file, rules version
 * and "update now", about, pause/resume and exit. Without an admin PIN the stop items are replaced by
 * a line saying protection cannot be stopped.
 */
final class TrayMenu {
    /** What the menu items do; implemented by {@link GuardUi}. */
    interface Actions {
        void showStatus();

        void showHistory();

        void showFileCheck();

        /** Opens the self-check window (保密自查). */
        default void showSelfCheck() {
        }

        default boolean selfCheckAvailable() {
            return false;
        }

        void updateRules();

        void showAbout();

        void pause();

        void resume();

        void exit();
    }

    private TrayMenu() {
    }

    static List<MenuEntry> entries(Messages m, StatusSnapshot status, boolean pinConfigured, Actions a) {
        List<MenuEntry> items = new ArrayList<>();
        items.add(new MenuEntry("menu-status", m.get("menu.status"), true, a::showStatus));
        items.add(new MenuEntry("menu-history", m.get("menu.history"), true, a::showHistory));
        items.add(new MenuEntry("menu-check", m.get("menu.checkFile"), true, a::showFileCheck));
        if (a.selfCheckAvailable()) {
            items.add(new MenuEntry("menu-selfcheck", m.get("menu.selfCheck"), true, a::showSelfCheck));
        }
        items.add(MenuEntry.SEPARATOR);
        items.add(new MenuEntry("menu-rules", m.format("menu.rules", status.rulesVersion()), false, null));
        items.add(new MenuEntry("menu-update", m.get("menu.updateRules"), true, a::updateRules));
        items.add(MenuEntry.SEPARATOR);
        items.add(new MenuEntry("menu-about", m.get("menu.about"), true, a::showAbout));
        if (pinConfigured) {
            if (status.pausedUntil() != null) {
                items.add(new MenuEntry("menu-resume", m.get("menu.resume"), true, a::resume));
            } else {
                items.add(new MenuEntry("menu-pause", m.get("menu.pause"), true, a::pause));
            }
            items.add(new MenuEntry("menu-exit", m.get("menu.exit"), true, a::exit));
        } else {
            items.add(new MenuEntry("menu-cannot-stop", m.get("menu.cannotStop"), false, null));
        }
        return items;
    }
}

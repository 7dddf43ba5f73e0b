package org.secrecyguard.ui;

import java.awt.AWTException;
import java.awt.Font;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.EventQueue;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The icon in the system tray (Windows notification area, XEmbed trays on Linux) through AWT, with
 * the tray menu as an AWT popup. Menu actions are handed to the FX thread. Used only where
 * {@link SystemTray#isSupported()} is true; elsewhere the {@link StatusWindow} stands in.
 */
final class AwtTray {
    private static final Logger LOG = Logger.getLogger(AwtTray.class.getName());

    private final TrayIcon icon;
    private final Messages messages;
    private final String fontFamily;

    private AwtTray(TrayIcon icon, Messages messages, String fontFamily) {
        this.icon = icon;
        this.messages = messages;
        this.fontFamily = fontFamily;
    }

    static boolean supported() {
        try {
            return SystemTray.isSupported();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.INFO, "system tray check failed", e);
            return false;
        }
    }

    /** Adds the icon to the tray; empty when the tray refuses it. */
    static java.util.Optional<AwtTray> install(Messages messages, String fontFamily, Runnable onDoubleClick) {
        try {
            SystemTray tray = SystemTray.getSystemTray();
            int size = Math.max(16, tray.getTrayIconSize().height);
            TrayIcon icon = new TrayIcon(Icons.awt(GuardState.PROTECTED, size), messages.get("tooltip.protected"));
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> Fx.run(onDoubleClick));
            tray.add(icon);
            return java.util.Optional.of(new AwtTray(icon, messages, fontFamily));
        } catch (AWTException | RuntimeException e) {
            LOG.log(Level.WARNING, "system tray refused the icon", e);
            return java.util.Optional.empty();
        }
    }

    void update(StatusSnapshot s, List<MenuEntry> entries) {
        EventQueue.invokeLater(() -> {
            int size = Math.max(16, SystemTray.getSystemTray().getTrayIconSize().height);
            icon.setImage(Icons.awt(s.state(), size));
            icon.setToolTip(StatusText.tooltip(messages, s));
            PopupMenu menu = new PopupMenu();
            // AWT menus use the logical "Dialog" font unless told otherwise; pick one with Chinese glyphs.
            menu.setFont(new Font("System".equals(fontFamily) ? Font.DIALOG : fontFamily, Font.PLAIN, 12));
            for (MenuEntry e : entries) {
                if (e.isSeparator()) {
                    menu.addSeparator();
                    continue;
                }
                MenuItem item = new MenuItem(e.label());
                item.setEnabled(e.enabled());
                if (e.action() != null) {
                    item.addActionListener(ev -> Fx.run(e.action()));
                }
                menu.add(item);
            }
            icon.setPopupMenu(menu);
        });
    }

    void remove() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}

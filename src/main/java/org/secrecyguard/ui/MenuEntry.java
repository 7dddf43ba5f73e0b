package org.secrecyguard.ui;

/**
 * One item of the tray menu, rendered both by the AWT tray and by the fallback status window.
 *
 * @param id      stable id ("menu-history"), also the FX node id
 * @param label   text in the UI language
 * @param enabled false for information lines (rules version, "cannot stop")
 * @param action  what the item does, run on the FX thread; null for information lines
 */
public record MenuEntry(String id, String label, boolean enabled, Runnable action) {
    /** A separator line. */
    public static final MenuEntry SEPARATOR = new MenuEntry("separator", "", false, null);

    public boolean isSeparator() {
        return this == SEPARATOR;
    }
}

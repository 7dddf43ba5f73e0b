package org.secrecyguard.ui;

import org.secrecyguard.engine.Level;

/**
 * The built-in advice and legal basis shown in popups, per level, used until the rules bring the
 * unit's own texts: national secrets cite the State Secrets Law's ban on internet transmission
 * (涉密不上网), work secrets the duty to protect them, internal material the unit's rule.
 */
public final class AlertTexts {
    private AlertTexts() {
    }

    public static String advice(Messages m, Level level) {
        return m.get("advice." + group(level));
    }

    public static String basis(Messages m, Level level) {
        return m.get("basis." + group(level));
    }

    private static String group(Level level) {
        if (level == null || level == Level.INTERNAL) {
            return "internal";
        }
        return level.isNationalSecret() ? "national" : "work";
    }
}

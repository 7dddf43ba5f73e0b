package org.secrecyguard.engine;

import java.util.Locale;

/** Which detector produced a finding; {@link #id()} is the name used in JSON and events. */
public enum DetectorType {
    MARKING, KEYWORD, FINGERPRINT, IMAGE, FILENAME;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.secrecyguard.platform;

import java.util.Locale;

/** The kind of thing on the clipboard; {@link #id()} is used in events. */
public enum ContentKind {
    TEXT, IMAGE, FILES, EMPTY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

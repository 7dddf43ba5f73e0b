package org.secrecyguard.ui;

import java.util.function.Consumer;

/** The app's live status, as the tray sees it. Listeners may be called on any thread. */
public interface StatusModel {
    StatusSnapshot current();

    void subscribe(Consumer<StatusSnapshot> listener);
}

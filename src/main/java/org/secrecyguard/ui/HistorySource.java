package org.secrecyguard.ui;

import java.util.List;

/** Where the history window reads local events from, newest first. */
public interface HistorySource {
    List<EventRow> recent(int limit);

    /** Called (on any thread) whenever a new event was recorded. */
    default void subscribe(Runnable changed) {
    }
}

package org.secrecyguard.events.collect;

import java.util.List;
import java.util.UUID;

/** Where the collector keeps events. Storing is idempotent by event UUID. */
public interface CollectorStore extends AutoCloseable {
    /**
     * Stores {@code events} durably, ignoring UUIDs already present, and returns every UUID that is now
     * stored (new and old alike: the agent may mark all of them as sent).
     */
    Stored store(List<CollectedEvent> events) throws StoreException;

    /** Number of events held. */
    long count() throws StoreException;

    @Override
    void close();

    /** @param ids every UUID now held; @param added how many of them were new */
    record Stored(List<UUID> ids, int added) {
    }

    /** The store could not do its work; the message names the store, never an event's content. */
    final class StoreException extends Exception {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

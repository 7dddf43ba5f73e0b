package org.secrecyguard.selfcheck;

/** Asks a running self-check to stop after the files it is reading; what it did so far stays recorded. */
public final class Cancel {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}

package org.secrecyguard.channel;

import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * How one channel stops a transfer and lets it go on again: the only part of enforcement that differs
 * between channels (the clipboard replaces its content, a drive moves the file to quarantine, a key
 * press cannot be stopped at all). {@link GuardPipeline} does the rest.
 */
public interface Enforcer {
    /**
     * Stops the transfer.
     *
     * @return a note for the log on what was done ("" for nothing to add)
     * @throws CannotStop when it could not be stopped; the user is then warned instead
     */
    String stop() throws CannotStop;

    /**
     * Lets a stopped transfer go on after the user gave a reason.
     *
     * @return a note for the log on what was done
     * @throws IOException when it could not be let through; the transfer then stays stopped
     */
    String release() throws IOException;

    /** Where {@link #release()} runs (a channel's own thread, so that its state needs no locks). */
    Executor releaseThread();

    /** An enforcer for a path that can only be reported, never stopped (a key press, a file already sent). */
    static Enforcer reportOnly(String why) {
        return new Enforcer() {
            @Override
            public String stop() throws CannotStop {
                throw new CannotStop(why);
            }

            @Override
            public String release() {
                return "";
            }

            @Override
            public Executor releaseThread() {
                return Runnable::run;
            }
        };
    }

    /** Thrown when a transfer could not be stopped; the message goes to the log. */
    final class CannotStop extends Exception {
        public CannotStop(String why) {
            super(why, null, false, false);
        }
    }
}

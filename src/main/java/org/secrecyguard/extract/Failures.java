package org.secrecyguard.extract;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.poi.EncryptedDocumentException;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * Turns whatever a parser threw into an {@link ExtractionException} a user can act on. Parser messages
 * are never passed on (they may quote document content); developers get the exception class and the
 * throwing frame in the log at FINE.
 */
final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {
    }

    static ExtractionException map(Throwable t, String label, ExtractionContext ctx) {
        if (t instanceof ExtractionException e) {
            return e;
        }
        if (t instanceof ExtractionAbort a) {
            return a.exception();
        }
        if (t instanceof EncryptedDocumentException || t instanceof InvalidPasswordException) {
            return encrypted(label);
        }
        if (Thread.currentThread().isInterrupted() || t instanceof InterruptedException
                || t instanceof ClosedByInterruptException || t instanceof InterruptedIOException) {
            return ExtractionContext.timeout(ctx.limits());
        }
        logFine(t, label);
        if (mentions(t, "Zip bomb detected") || mentions(t, "MAX_ENTRY_SIZE") || mentions(t, "max file count")) {
            return ZipArchive.bomb("an entry of the " + label + " package exceeds the safety limits");
        }
        if (t instanceof OutOfMemoryError) {
            return new ExtractionException(Reason.TOO_LARGE, label + " too large to read in memory: cannot be checked");
        }
        if (t instanceof StackOverflowError) {
            return new ExtractionException(Reason.CORRUPT, "corrupt " + label + " (structure nested too deeply): cannot be read");
        }
        return new ExtractionException(Reason.CORRUPT, "corrupt or truncated " + label + ": cannot be read");
    }

    static ExtractionException encrypted(String label) {
        return new ExtractionException(Reason.ENCRYPTED, "encrypted " + label + ": cannot be checked");
    }

    private static boolean mentions(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && m.contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static void logFine(Throwable t, String label) {
        if (LOG.isLoggable(Level.FINE)) {
            StackTraceElement[] st = t.getStackTrace();
            LOG.fine(() -> "cannot read " + label + ": " + t.getClass().getName()
                    + (st.length > 0 ? " at " + st[0] : ""));
        }
    }
}

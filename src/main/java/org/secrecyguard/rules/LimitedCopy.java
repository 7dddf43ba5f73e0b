package org.secrecyguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/** Copies a stream but stops with TOO_LARGE as soon as it exceeds a limit, whatever the sender claimed. */
final class LimitedCopy {
    private LimitedCopy() {
    }

    static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("download cancelled");
            }
            total += n;
            if (total > maxBytes) {
                throw new BundleRejectedException(RejectReason.TOO_LARGE,
                        "download exceeds the limit of " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        return total;
    }
}

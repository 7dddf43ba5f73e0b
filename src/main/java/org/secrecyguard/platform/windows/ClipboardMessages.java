package org.secrecyguard.platform.windows;

/**
 * The pure decision logic of the clipboard listener window, kept apart from the Win32 calls so that
 * it can be tested on any OS with recorded message traces. Windows may deliver WM_CLIPBOARDUPDATE
 * more than once for one change (e.g. when an application sets several formats in separate
 * open/close cycles, or delayed rendering); the clipboard sequence number tells real changes apart.
 * Not thread-safe: used on the listener window's own thread only.
 */
final class ClipboardMessages {
    static final int WM_DESTROY = 0x0002;
    static final int WM_CLOSE = 0x0010;

    /** What the window procedure must do with one message. */
    enum Step {
        /** A new clipboard content: notify the listener. */
        NOTIFY,
        /** A repeated update for a sequence number already reported: swallow it. */
        IGNORE,
        /** Unregister the listener and destroy the window. */
        CLOSE,
        /** End the message loop. */
        QUIT,
        /** Not ours: DefWindowProc. */
        DEFAULT
    }

    private long lastSequence = Long.MIN_VALUE;

    /**
     * @param message  the window message id
     * @param sequence GetClipboardSequenceNumber() read when the message arrived (0 = unknown)
     */
    Step onMessage(int message, int sequence) {
        switch (message) {
            case ClipboardUser32.WM_CLIPBOARDUPDATE:
                long seq = Integer.toUnsignedLong(sequence);
                // 0 means "no access to the sequence number": then every update counts.
                if (sequence != 0 && seq == lastSequence) {
                    return Step.IGNORE;
                }
                lastSequence = seq;
                return Step.NOTIFY;
            case WM_CLOSE:
                return Step.CLOSE;
            case WM_DESTROY:
                return Step.QUIT;
            default:
                return Step.DEFAULT;
        }
    }
}

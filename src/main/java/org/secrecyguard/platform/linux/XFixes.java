package org.secrecyguard.platform.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * The part of libXfixes the clipboard watch needs (jna-platform has no XFixes mapping). XFixes tells
 * a client whenever any application takes ownership of a selection, which is what "copy" does on X11.
 */
interface XFixes extends Library {
    /** XFixesSetSelectionOwnerNotifyMask: report every new owner of the selection. */
    long SET_SELECTION_OWNER_NOTIFY_MASK = 1L;
    /** XFixesSelectionNotify, relative to the extension's event base. */
    int SELECTION_NOTIFY = 0;

    static XFixes load() {
        return Native.load("Xfixes", XFixes.class);
    }

    int XFixesQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

    int XFixesQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

    void XFixesSelectSelectionInput(X11.Display display, X11.Window window, X11.Atom selection,
                                    NativeLong eventMask);

    /** XFixesSelectionNotifyEvent from Xfixes.h. */
    @Structure.FieldOrder({"type", "serial", "send_event", "display", "window", "subtype", "owner",
            "selection", "timestamp", "selection_timestamp"})
    final class SelectionNotifyEvent extends Structure {
        public int type;
        public NativeLong serial;
        public int send_event;
        public Pointer display;
        public NativeLong window;
        public int subtype;
        public NativeLong owner;
        public NativeLong selection;
        public NativeLong timestamp;
        public NativeLong selection_timestamp;

        SelectionNotifyEvent(Pointer p) {
            super(p);
            read();
        }
    }
}

package org.secrecyguard.platform.windows;

/**
 * One WinEvent as an out-of-context hook receives it (WinEventProc's arguments that matter here).
 *
 * @param event    EVENT_* constant
 * @param hwnd     the window the event is about
 * @param idObject OBJID_* (0 = the window itself)
 * @param pid      the process owning the window (GetWindowThreadProcessId)
 */
public record WinEvent(int event, long hwnd, int idObject, long pid) {
    public static final int EVENT_SYSTEM_DIALOGSTART = 0x0010;
    public static final int EVENT_SYSTEM_DIALOGEND = 0x0011;
    public static final int EVENT_OBJECT_DESTROY = 0x8001;
    public static final int EVENT_OBJECT_SHOW = 0x8002;
    public static final int EVENT_OBJECT_VALUECHANGE = 0x800E;
    public static final int OBJID_WINDOW = 0;
}

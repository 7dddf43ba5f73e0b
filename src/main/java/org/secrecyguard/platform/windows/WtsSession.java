package org.secrecyguard.platform.windows;

/**
 * One Windows session as WTSEnumerateSessionsW and WTSQuerySessionInformationW (WTSUserName,
 * WTSDomainName) describe it.
 *
 * @param id      the session id (0 is the services' session)
 * @param station the window station name ("Console", "RDP-Tcp#3", "Services")
 * @param state   the WTS_CONNECTSTATE_CLASS value
 * @param user    the logged-on user's name, "" when nobody is logged on
 * @param domain  that user's domain (or the PC's name for a local account)
 */
public record WtsSession(int id, String station, int state, String user, String domain) {
    /** WTS_CONNECTSTATE_CLASS values (wtsapi32.h). */
    public static final int ACTIVE = 0;
    public static final int CONNECTED = 1;
    public static final int CONNECT_QUERY = 2;
    public static final int SHADOW = 3;
    public static final int DISCONNECTED = 4;
    public static final int IDLE = 5;
    public static final int LISTEN = 6;
    public static final int RESET = 7;
    public static final int DOWN = 8;
    public static final int INIT = 9;

    public WtsSession {
        user = user == null ? "" : user;
        domain = domain == null ? "" : domain;
        station = station == null ? "" : station;
    }

    /** "DOMAIN\\user", or the bare name without a domain. */
    public String account() {
        return domain.isEmpty() ? user : domain + "\\" + user;
    }
}

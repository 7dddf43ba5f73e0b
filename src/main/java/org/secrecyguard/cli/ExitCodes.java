package org.secrecyguard.cli;

/** Exit statuses shared by all commands (DESIGN.md: 0 all allow, 1 something flagged, 2 an error). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FLAGGED = 1;
    public static final int ERROR = 2;

    private ExitCodes() {
    }
}

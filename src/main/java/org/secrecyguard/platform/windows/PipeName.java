package org.secrecyguard.platform.windows;

import java.util.Locale;

/**
 * The pipe the service listens on, from the configured {@code service.socket}: a pipe name
 * ({@code \\.\pipe\something}) is taken as it is; anything else (the file path older settings and
 * other OSes use) means the default pipe, so the same settings file works before and after the switch
 * from a socket file to a pipe.
 */
final class PipeName {
    static final String PREFIX = "\\\\.\\pipe\\";
    static final String DEFAULT = PREFIX + "secrecy-guard-tray";
    /** Windows allows 256 characters for the whole name. */
    private static final int MAX_LENGTH = 256;

    private PipeName() {
    }

    static String of(String address) {
        String a = address == null ? "" : address.trim();
        if (a.length() > PREFIX.length() && a.length() <= MAX_LENGTH
                && a.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)
                && a.indexOf('\\', PREFIX.length()) < 0) {
            return a;
        }
        return DEFAULT;
    }
}

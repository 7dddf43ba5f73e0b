package org.secrecyguard.engine;

/**
 * Masks caught text so that findings, events, logs and popups never carry the secret itself.
 * Only markings (which are not secret in themselves) may be shown as found.
 */
public final class Evidence {
    private static final char MASK = '*';

    private Evidence() {
    }

    /**
     * Keeps the first {@code keep} characters (code points) and replaces the rest with '*', at most
     * eight of them so that the length of the caught text is not revealed either.
     */
    public static String mask(String caught, int keep) {
        if (caught == null || caught.isEmpty()) {
            return "";
        }
        int total = caught.codePointCount(0, caught.length());
        int shown = Math.max(0, Math.min(keep, total - 1));
        int end = caught.offsetByCodePoints(0, shown);
        StringBuilder sb = new StringBuilder(caught.substring(0, end));
        int masked = Math.min(8, Math.max(3, total - shown));
        sb.append(String.valueOf(MASK).repeat(masked));
        return sb.toString();
    }
}

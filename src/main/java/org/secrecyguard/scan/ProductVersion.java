package org.secrecyguard.scan;

/**
 * The version of this build, from the jar's manifest (Implementation-Version, written by the build).
 * It lives beside the scanner because verdicts depend on it: the self-check's index re-reads every file
 * after an upgrade, since the new extractors may see what the old ones missed.
 */
public final class ProductVersion {
    /** What a run from compiled classes (tests, a checkout) reports: no manifest there. */
    public static final String UNPACKAGED = "dev";

    private ProductVersion() {
    }

    public static String current() {
        String v = ProductVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? UNPACKAGED : v;
    }
}

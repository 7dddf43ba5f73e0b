package org.secrecyguard.rules;

/**
 * Size limits applied before a bundle is trusted. Entries are stored uncompressed (see
 * {@link CanonicalZip}), so the bundle size bounds every entry and no entry can expand.
 *
 * @param maxBundleBytes  largest bundle file (or download) accepted
 * @param maxManifestBytes largest manifest accepted
 */
public record BundleLimits(long maxBundleBytes, int maxManifestBytes) {
    /** 512 MiB: room for about 100,000 registered documents of 500 fingerprints each. */
    public static final BundleLimits DEFAULT = new BundleLimits(512L << 20, 64 << 10);

    public BundleLimits {
        if (maxBundleBytes < 1024 || maxManifestBytes < 256) {
            throw new IllegalArgumentException("bundle limits are too small");
        }
    }
}

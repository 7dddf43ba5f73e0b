package org.secrecyguard.rules;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where agents get rule bundles: a folder on the unit's LAN ({@link FolderSource}) or an HTTP(S) URL
 * ({@link HttpSource}). A source only transports bytes; everything it delivers is verified afterwards.
 */
public interface BundleSource {
    /**
     * Copies the current bundle into {@code target} unless it is unchanged since {@code previousTag}.
     *
     * @param previousTag the tag of the last bundle fetched (HTTP ETag, or size and time of a file), or null
     * @param target      a new, empty file to write into
     * @param maxBytes    refuse (TOO_LARGE) a bundle larger than this, without reading all of it
     * @return whether a bundle was written, and its tag
     * @throws BundleRejectedException SOURCE_UNAVAILABLE, TIMEOUT or TOO_LARGE
     * @throws IOException             when the transfer failed in another way (counted as unavailable)
     */
    FetchResult fetch(String previousTag, Path target, long maxBytes) throws IOException;

    /** For reports, e.g. "https://rules.example.gov.cn/agent/rules.zip" or "\\\\server\\share\\rules.zip". */
    String describe();

    /**
     * The result of a fetch.
     *
     * @param notModified true when the source says nothing changed (HTTP 304, or the same file)
     * @param tag         the tag to send next time; null when the source gave none
     */
    record FetchResult(boolean notModified, String tag) {
        public static FetchResult unchanged(String tag) {
            return new FetchResult(true, tag);
        }

        public static FetchResult fetched(String tag) {
            return new FetchResult(false, tag);
        }
    }
}

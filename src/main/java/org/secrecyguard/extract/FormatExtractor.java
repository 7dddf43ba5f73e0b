package org.secrecyguard.extract;

/**
 * Reads one format. Implementations are stateless and thread-safe; everything about one file lives in
 * the {@link DocumentCollector} (and its context). They throw {@link ExtractionException} for what the
 * user must hear (encrypted, bomb); any other exception or error is turned into a clear CORRUPT/TOO_LARGE
 * by {@link Failures}, so implementations need not catch parser exceptions themselves.
 */
interface FormatExtractor {
    void extract(Input input, DocumentCollector out) throws Exception;
}

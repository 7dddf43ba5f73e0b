package org.secrecyguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.secrecyguard.engine.fingerprint.BackgroundCorpus;

/** Reads the bundled public background corpus for fingerprints (the engine itself does no I/O). */
public final class BundledBackground {
    private BundledBackground() {
    }

    /** The corpus text, read once per call (callers keep the fingerprint detector, not the text). */
    public static String text() {
        try (InputStream in = BackgroundCorpus.class.getResourceAsStream(BackgroundCorpus.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + BackgroundCorpus.RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BackgroundCorpus.RESOURCE, e);
        }
    }
}

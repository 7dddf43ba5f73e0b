package org.secrecyguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.secrecyguard.engine.fingerprint.BackgroundCorpus;

/** Reads the bundled public background corpus for fingerprints (the engine itself does no I/O). */
final class BundledBackground {
    private BundledBackground() {
    }

    static String text() {
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

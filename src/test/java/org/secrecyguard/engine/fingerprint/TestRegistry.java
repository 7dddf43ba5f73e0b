package org.secrecyguard.engine.fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;

/**
 * The registered test notices (ids 101..110) under one deployment key, with the bundled background
 * corpus, as the rules store would set them up. Titles are registration labels that do not occur in
 * the notices, so that any registered text in evidence would be a leak.
 */
final class TestRegistry {
    static final byte[] KEY = "test deployment key, 32 bytes!!!".getBytes(StandardCharsets.UTF_8);
    static final String BACKGROUND = loadBackground();

    final Fingerprinter fingerprinter;
    final FingerprintIndex index;
    final FingerprintDetector detector;
    final List<RegisteredDocument> documents;

    TestRegistry() {
        this(KEY);
    }

    TestRegistry(byte[] key) {
        fingerprinter = new Fingerprinter(key);
        documents = new ArrayList<>();
        for (int i = 0; i < TestDocuments.REGISTERED.size(); i++) {
            Notice n = TestDocuments.REGISTERED.get(i);
            documents.add(fingerprinter.register(id(i), label(i), n.level(), n.text()));
        }
        index = FingerprintIndex.build(documents, BackgroundCorpus.hashes(fingerprinter, BACKGROUND));
        detector = new FingerprintDetector(fingerprinter, index);
    }

    static long id(int i) {
        return 101 + i;
    }

    static String label(int i) {
        return "登记件" + (char) ('A' + i);
    }

    List<Finding> findings(String text) {
        return findings(new DocumentText(List.of(Segment.body(text))));
    }

    List<Finding> findings(DocumentText document) {
        List<Finding> out = new ArrayList<>();
        detector.detect(document, out::add);
        return out;
    }

    private static String loadBackground() {
        try (var in = BackgroundCorpus.class.getResourceAsStream(BackgroundCorpus.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BackgroundCorpus.RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

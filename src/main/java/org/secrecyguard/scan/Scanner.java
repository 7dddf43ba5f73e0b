package org.secrecyguard.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.extract.Document;
import org.secrecyguard.extract.EmbeddedImage;
import org.secrecyguard.extract.ExtractionException;
import org.secrecyguard.ocr.ImageInspection;

/**
 * Checks files, text and pictures against the current engine snapshot: extract → OCR → detectors.
 * Thread-safe. Never throws for bad content: a file that cannot be checked gives an ERROR result with
 * a reason, and partial checks carry notes. Content verdicts are cached by content hash; the file
 * name is always checked afresh (a renamed copy can gain or lose a marking in its name).
 */
public final class Scanner implements AutoCloseable {
    private final Supplier<Engine> engines;
    private final DocumentSource documents;
    private final PictureChecker pictures;
    private final ScanLimits limits;
    private final HashKeyedCache<ScanResult> cache;
    private Engine keyedEngine;       // guarded by this: the engine the current generation stands for
    private long engineGeneration;    // guarded by this: bumped whenever the supplier hands out another engine

    public Scanner(Supplier<Engine> engines, DocumentSource documents, PictureChecker pictures, ScanLimits limits) {
        this.engines = engines;
        this.documents = documents;
        this.pictures = pictures;
        this.limits = limits;
        this.cache = new HashKeyedCache<>(limits.cacheEntries());
    }

    /** The checker for pictures (its status tells whether OCR is available). */
    public PictureChecker pictures() {
        return pictures;
    }

    /** The engine snapshot scans use right now. */
    public Engine engine() {
        return engines.get();
    }

    public ScanResult scanFile(Path file) {
        long start = System.nanoTime();
        Engine engine = engines.get();
        String shown = file.toString();
        Path name = file.getFileName();
        Verdict nameVerdict = name == null || !Files.exists(file) ? Verdict.CLEAN
                : engine.inspect(new Segment(name.toString(), SegmentKind.FILE_NAME, "file name"));
        ScanResult content;
        try {
            if (!Files.isRegularFile(file)) {
                content = error(shown, Files.exists(file) ? "not a regular file" : "not found");
            } else if (Files.size(file) > limits.maxFileBytes()) {
                content = error(shown, "too large: over " + (limits.maxFileBytes() >> 20) + " MB, not checked");
            } else if (limits.cacheEntries() <= 0) {
                // No cache: hashing the content would read every file twice for nothing (a one-shot
                // check such as the self-check keys its own index by size and time instead).
                content = scanContent(file, engine, start);
            } else {
                String key = ContentHash.of(file) + "|" + engineKey(engine) + "|" + pictures.available();
                content = cache.get(key);
                if (content == null) {
                    content = scanContent(file, engine, start);
                    cache.put(key, content);
                }
            }
        } catch (IOException e) {
            content = error(shown, "cannot read: " + e.getClass().getSimpleName());
        }
        Verdict verdict = nameVerdict.merge(content.verdict());
        return new ScanResult(shown, content.status(), verdict, content.message(), content.notes(), elapsed(start));
    }

    /**
     * The cache key part for the rules: the version label alone is not enough, since a rule set edited
     * in place (a local rules database) keeps its label while its engine changes. Every engine the
     * supplier hands out that is not the one seen last starts a new generation, so a cached verdict is
     * only reused under the very engine that produced it.
     */
    private synchronized String engineKey(Engine engine) {
        if (engine != keyedEngine) {
            keyedEngine = engine;
            engineGeneration++;
        }
        return engineGeneration + "|" + engine.rulesVersion();
    }

    public ScanResult scanText(String text, String where) {
        long start = System.nanoTime();
        Verdict verdict = engines.get().inspect(new Segment(text, SegmentKind.BODY, where));
        return new ScanResult(where, ScanResult.Status.OK, verdict, "", List.of(), elapsed(start));
    }

    /** Checks a picture (screenshot, clipboard image) through OCR. */
    public ScanResult scanImage(BufferedImage image, String where) {
        long start = System.nanoTime();
        ImageInspection inspection = pictures.check(image, where, engines.get());
        List<String> notes = inspection.note().isEmpty() ? List.of() : List.of(inspection.note());
        return new ScanResult(where, ScanResult.Status.OK, inspection.verdict(), "", notes, elapsed(start));
    }

    private ScanResult scanContent(Path file, Engine engine, long start) {
        Document document;
        try {
            document = documents.extract(file);
        } catch (ExtractionException e) {
            return error(file.toString(), e.getMessage());
        } catch (RuntimeException e) {
            // An extractor bug must not stop a folder scan; the row says the file was not checked.
            return error(file.toString(), "cannot be checked: internal error (" + e.getClass().getSimpleName() + ")");
        }
        List<String> notes = new ArrayList<>(document.notes());
        Verdict verdict = engine.inspect(document.segments());
        if (isPictureFile(document) && !pictures.available()) {
            // A picture nobody could read was not checked: say so rather than let it pass as clean.
            return new ScanResult(file.toString(), ScanResult.Status.ERROR, verdict,
                    "not checked: " + pictures.status(), notes, elapsed(start));
        }
        try {
            verdict = verdict.merge(checkPictures(document.images(), isPictureFile(document), engine, start, notes));
        } catch (PictureRejectedException e) {
            return new ScanResult(file.toString(), ScanResult.Status.ERROR, verdict, e.getMessage(), notes,
                    elapsed(start));
        }
        return new ScanResult(file.toString(), ScanResult.Status.OK, verdict, "", notes, elapsed(start));
    }

    /** A file that is one picture (png, jpeg, …): a refused picture means the file was not checked. */
    private static boolean isPictureFile(Document document) {
        return document.format().startsWith("image/") && document.segments().isEmpty();
    }

    /**
     * OCRs the pictures within the file's time budget.
     *
     * @param wholeFile true when the file is just this picture: a refusal then means the file was not checked
     */
    private Verdict checkPictures(List<EmbeddedImage> images, boolean wholeFile, Engine engine, long start,
                                  List<String> notes) throws PictureRejectedException {
        if (images.isEmpty()) {
            return Verdict.CLEAN;
        }
        if (!pictures.available()) {
            notes.add(images.size() + (images.size() == 1 ? " picture" : " pictures") + " not checked: "
                    + pictures.status());
            return Verdict.CLEAN;
        }
        List<Verdict> verdicts = new ArrayList<>();
        long budgetNanos = limits.fileBudget().toNanos();
        for (int i = 0; i < images.size(); i++) {
            if (System.nanoTime() - start > budgetNanos) {
                notes.add((images.size() - i) + " pictures not checked: time budget of "
                        + limits.fileBudget().toSeconds() + " s spent");
                break;
            }
            ImageInspection inspection;
            try {
                inspection = pictures.check(images.get(i), engine);
            } catch (PictureRejectedException e) {
                if (wholeFile) {
                    throw e;
                }
                // One bad picture inside a document: the rest of it still counts as checked.
                notes.add(images.get(i).where() + ": " + e.getMessage());
                continue;
            }
            verdicts.add(inspection.verdict());
            if (!inspection.note().isEmpty() && !notes.contains(inspection.note())) {
                notes.add(inspection.note());
            }
        }
        return Verdict.merge(verdicts);
    }

    /** Releases the OCR engines. */
    @Override
    public void close() {
        pictures.close();
    }

    private static ScanResult error(String path, String message) {
        return new ScanResult(path, ScanResult.Status.ERROR, Verdict.CLEAN, message, List.of(), 0);
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

package org.secrecyguard.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Verdict;

/**
 * Reads markings and red-header pages in pictures with Tesseract (chi_sim+eng, LSTM), offline.
 *
 * <p>Each picture goes through {@link OcrPlan}: find the page and the red header, read the header band
 * first (a tenth of a second), read the whole page only when the engine needs body text or the header
 * stayed doubtful, within a per-picture time budget. Reads run on a small pool of OCR threads, each
 * owning one Tesseract handle that is created once and reused. Results are cached by a SHA-256 of the
 * pixels (or file bytes) and the rules version.
 *
 * <p>{@link #readText} reads a picture's whole text instead (to register a document from a photo or
 * a scan), on the same threads and budget.
 *
 * <p>When Tesseract or its language data is missing, {@link #available()} is false, {@link #status()}
 * says why in words a user can act on, and {@link #inspect} returns an empty verdict with that note:
 * the inspector never throws for a picture and never takes the process down with it.
 *
 * <pre>{@code
 * try (TesseractImageInspector ocr = new TesseractImageInspector(OcrConfig.defaults())) {
 *     ImageInspection r = ocr.inspect(picture, "photo.jpg", engine);
 * }
 * }</pre>
 */
public final class TesseractImageInspector implements ImageInspector {
    private static final Logger LOG = Logger.getLogger(TesseractImageInspector.class.getName());

    private final OcrConfig config;
    private final OcrPlan plan;
    private final InspectionCache cache;
    private final ImageDecoder decoder = new ImageDecoder();
    private final TessdataLocator.Location data;
    private OcrWorkers workers;            // guarded by this; started on the first picture
    private boolean closed;                // guarded by this
    private volatile String status;

    /** An inspector with {@link OcrConfig#defaults()}. */
    public TesseractImageInspector() {
        this(OcrConfig.defaults());
    }

    /**
     * Checks that OCR can run (language data and the Tesseract library are there) without loading
     * Tesseract: the library and its threads start on the first picture, so an idle guard does not
     * carry them (≈ 10 MB resident). When the library file cannot be found by name the library is
     * loaded here after all, so {@link #status()} still says at start-up why OCR is unavailable.
     */
    public TesseractImageInspector(OcrConfig config) {
        this.config = config;
        this.plan = new OcrPlan(config);
        this.cache = new InspectionCache(config.cacheEntries());
        TessdataLocator.Location located = null;
        String problem;
        try {
            located = TessdataLocator.locate(config.tessdataDir(), config.languages(), System.getenv());
            problem = located.problem();
            if (problem == null) {
                // Set OMP_THREAD_LIMIT now, while no other thread reads the environment.
                TesseractLibrary.prepare(config.limitOpenMpThreads());
                if (!TesseractLibrary.installed()) {
                    problem = TesseractLibrary.load(config.limitOpenMpThreads()).problem();
                }
            }
        } catch (LinkageError e) { // tess4j or JNA classes missing or broken
            LOG.log(Level.WARNING, "OCR could not start", e);
            problem = "OCR unavailable: the Tesseract integration could not be loaded (" + e.getClass().getSimpleName() + ")";
        }
        this.data = located;
        this.status = problem == null ? "OK" : problem;
    }

    @Override
    public boolean available() {
        return "OK".equals(status);
    }

    @Override
    public String status() {
        return status;
    }

    /** The OCR threads, started on first use; null (with {@link #status} saying why) when they cannot be. */
    private synchronized OcrWorkers workers() {
        if (workers == null && !closed && available()) {
            try {
                TesseractLibrary.Loaded library = TesseractLibrary.load(config.limitOpenMpThreads());
                if (library.problem() != null) {
                    status = library.problem();
                    return null;
                }
                workers = new OcrWorkers(config.workers(),
                        () -> TessHandle.open(library, data.dir(), config.languages()), "ocr-tesseract");
            } catch (LinkageError e) {
                LOG.log(Level.WARNING, "OCR could not start", e);
                status = "OCR unavailable: the Tesseract integration could not be loaded ("
                        + e.getClass().getSimpleName() + ")";
            }
        }
        return workers;
    }

    /** The settings in force. */
    public OcrConfig config() {
        return config;
    }

    @Override
    public ImageInspection inspect(BufferedImage image, String where, Engine engine) {
        if (!available()) {
            return unavailable();
        }
        String key = InspectionCache.key(pixelHash(image), engine.rulesVersion(), config.bodyReading(),
                engine.needsBodyText());
        ImageInspection cached = cache.get(key, where);
        if (cached != null) {
            return cached;
        }
        ImageInspection result = run(image, where, engine);
        if (result.ocrUsed() || result.verdict().isClean() && result.note().isEmpty()) {
            cache.put(key, where, result);
        }
        return result;
    }

    /**
     * Decodes and inspects an encoded picture (png, jpeg, bmp, gif, tiff, webp when supported). The
     * cache is keyed by the file bytes, so a repeated picture is not even decoded.
     *
     * @throws ImageRejectedException when the picture is refused (decompression bomb, damaged, unknown
     *                                format); the message is user-facing
     */
    public ImageInspection inspect(byte[] encoded, String where, Engine engine) throws ImageRejectedException {
        if (!available()) {
            return unavailable();
        }
        String key = InspectionCache.key("bytes:" + sha256(encoded), engine.rulesVersion(), config.bodyReading(),
                engine.needsBodyText());
        ImageInspection cached = cache.get(key, where);
        if (cached != null) {
            return cached;
        }
        ImageInspection result = run(decoder.decode(encoded), where, engine);
        if (result.ocrUsed() || result.verdict().isClean() && result.note().isEmpty()) {
            cache.put(key, where, result);
        }
        return result;
    }

    /**
     * Reads ALL the text of a picture, for registering a document: the page is found in the photo or
     * screenshot, straightened and read whole, on the same OCR threads and within the same per-picture
     * time budget as {@link #inspect}. Results are not cached (the text may be classified).
     *
     * @return the text; incomplete, with a note, when OCR is unavailable or the budget cut the read
     */
    public PictureText readText(BufferedImage image, String where) {
        if (!available()) {
            return PictureText.unread(status);
        }
        OcrWorkers pool = workers();
        if (pool == null) {
            return PictureText.unread(available() ? "OCR stopped: the inspector was closed" : status);
        }
        FutureTask<OcrPlan.PageRead> task = pool.submit(handle -> plan.readAll(image, handle));
        return await(task, where, PictureText::unread, r -> r.timedOut()
                ? new PictureText(r.text(), false, "OCR stopped at the time budget ("
                        + config.totalBudget().toSeconds() + " s): the picture was only partly read")
                : new PictureText(r.text(), true, ""));
    }

    /**
     * Decodes an encoded picture and reads all its text, as {@link #readText(BufferedImage, String)}.
     *
     * @throws ImageRejectedException when the picture is refused (decompression bomb, damaged, unknown
     *                                format); the message is user-facing
     */
    public PictureText readText(byte[] encoded, String where) throws ImageRejectedException {
        if (!available()) {
            return PictureText.unread(status);
        }
        return readText(decoder.decode(encoded), where);
    }

    private ImageInspection run(BufferedImage image, String where, Engine engine) {
        OcrWorkers pool = workers();
        if (pool == null) {
            return unavailable();
        }
        FutureTask<OcrPlan.Result> task = pool.submit(handle -> plan.run(image, where, engine, handle));
        return await(task, where, note -> new ImageInspection(Verdict.CLEAN, false, note),
                r -> new ImageInspection(r.verdict(), r.ocrUsed(), r.note()));
    }

    /**
     * Waits for an OCR job within the budget plus the queue wait.
     *
     * @param failed turns a user-facing reason into the result when the job did not complete
     * @param done   turns the job's result into the caller's
     */
    private <T, R> R await(FutureTask<T> task, String where, Function<String, R> failed, Function<T, R> done) {
        long waitMillis = config.totalBudget().toMillis() + config.queueWait().toMillis();
        try {
            return done.apply(task.get(waitMillis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            task.cancel(false);
            return failed.apply("OCR skipped: no OCR thread was free within " + waitMillis / 1000 + " s");
        } catch (InterruptedException e) {
            task.cancel(false);
            Thread.currentThread().interrupt();
            return failed.apply("OCR interrupted");
        } catch (java.util.concurrent.CancellationException e) {
            return failed.apply("OCR stopped: the inspector was closed");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OcrUnavailableException) {
                status = cause.getMessage();
                return failed.apply(status);
            }
            LOG.log(Level.WARNING, "OCR failed on " + where, cause);
            return failed.apply("OCR failed on this picture (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private ImageInspection unavailable() {
        return new ImageInspection(Verdict.CLEAN, false, available() ? "OCR stopped: the inspector was closed" : status);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (workers != null) {
            workers.close();
        }
    }

    /** SHA-256 over the size and pixels; fast path for unshared byte and int rasters. */
    static String pixelHash(BufferedImage image) {
        MessageDigest md = sha256();
        md.update(ByteBuffer.allocate(12).putInt(image.getWidth()).putInt(image.getHeight()).putInt(image.getType()).array());
        Raster raster = image.getRaster();
        boolean whole = raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && raster.getDataBuffer().getNumBanks() == 1;
        if (whole && raster.getDataBuffer() instanceof DataBufferByte bytes) {
            md.update(bytes.getData());
        } else if (whole && raster.getDataBuffer() instanceof DataBufferInt ints) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            int[] data = ints.getData();
            for (int i = 0; i < data.length; ) {
                buf.clear();
                while (i < data.length && buf.remaining() >= 4) {
                    buf.putInt(data[i++]);
                }
                md.update(buf.array(), 0, buf.position());
            }
        } else {
            int w = image.getWidth();
            int[] row = new int[w];
            ByteBuffer buf = ByteBuffer.allocate(w * 4);
            for (int y = 0; y < image.getHeight(); y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                buf.clear();
                buf.asIntBuffer().put(row);
                md.update(buf.array());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}

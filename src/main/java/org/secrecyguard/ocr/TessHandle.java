package org.secrecyguard.ocr;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import org.secrecyguard.engine.image.GreyImage;

/**
 * One Tesseract engine (a TessBaseAPI handle) with its language model loaded once and reused for
 * every read (SetImage / Recognize / GetUTF8Text / Clear): loading chi_sim costs about 200 ms, a
 * header read under 100 ms. A handle is not thread-safe: it belongs to one OCR worker thread for its
 * whole life and is never shared (crashes are reported when it is).
 */
final class TessHandle implements TextReader, AutoCloseable {
    /** OEM 1: LSTM only (Debian's chi_sim has no legacy model). */
    private static final int OEM_LSTM_ONLY = 1;
    /** Resolution told to Tesseract: the plan scales text to the size a 150 dpi scan has. */
    static final int SOURCE_DPI = 150;

    private final TessAPI api;
    private final TesseractLibrary.MonitorApi monitorApi;
    private ITessAPI.TessBaseAPI handle;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

    private TessHandle(TesseractLibrary.Loaded library, ITessAPI.TessBaseAPI handle) {
        this.api = library.api();
        this.monitorApi = library.monitor();
        this.handle = handle;
    }

    /** Creates and initialises a handle; the message of the exception is user-facing. */
    static TessHandle open(TesseractLibrary.Loaded library, Path tessdata, String languages) throws OcrUnavailableException {
        TessAPI api = library.api();
        ITessAPI.TessBaseAPI h = api.TessBaseAPICreate();
        if (h == null) {
            throw new OcrUnavailableException("OCR unavailable: Tesseract could not create an engine");
        }
        int rc = api.TessBaseAPIInit2(h, tessdata.toString(), languages, OEM_LSTM_ONLY);
        if (rc != 0) {
            api.TessBaseAPIDelete(h);
            throw new OcrUnavailableException("OCR unavailable: Tesseract could not load language data "
                    + languages + " from " + tessdata + " (the files may be damaged or for another Tesseract version)");
        }
        // Keep Tesseract's diagnostics ("Estimating resolution…") out of the user's console.
        api.TessBaseAPISetVariable(h, "debug_file", Platform.isWindows() ? "NUL" : "/dev/null");
        // Sauvola's local threshold (Tesseract 5): photos with uneven light and sensor noise come out
        // clean where the default global Otsu threshold turns them into speckle (and takes seconds).
        api.TessBaseAPISetVariable(h, "thresholding_method", System.getProperty("sg.ocr.thresholding", "2"));
        return new TessHandle(library, h);
    }

    @Override
    public OcrText read(GreyImage image, int psm, int timeoutMillis) {
        if (handle == null) {
            throw new IllegalStateException("closed");
        }
        long start = System.nanoTime();
        int w = image.width();
        int h = image.height();
        if (buffer.capacity() < w * h) {
            buffer = ByteBuffer.allocateDirect(Math.max(w * h, buffer.capacity() * 3 / 2));
        }
        buffer.clear();
        buffer.put(image.pixels());
        buffer.flip();
        Pointer monitor = monitorApi.TessMonitorCreate();
        try {
            api.TessBaseAPISetPageSegMode(handle, psm);
            api.TessBaseAPISetImage(handle, buffer, w, h, 1, w);
            api.TessBaseAPISetSourceResolution(handle, SOURCE_DPI);
            monitorApi.TessMonitorSetDeadlineMSecs(monitor, Math.max(1, timeoutMillis));
            int rc = monitorApi.TessBaseAPIRecognize(handle.getPointer(), monitor);
            boolean timedOut = rc != 0 && elapsedMillis(start) >= timeoutMillis;
            String text = "";
            int confidence = -1;
            if (rc == 0 || timedOut) {
                // After a stopped run, GetUTF8Text returns what was recognised before the deadline.
                Pointer p = api.TessBaseAPIGetUTF8Text(handle);
                if (p != null) {
                    text = p.getString(0, StandardCharsets.UTF_8.name());
                    api.TessDeleteText(p);
                }
                confidence = rc == 0 ? api.TessBaseAPIMeanTextConf(handle) : -1;
            }
            return new OcrText(text, confidence, timedOut, elapsedMillis(start));
        } finally {
            api.TessBaseAPIClear(handle);
            monitorApi.TessMonitorDelete(monitor);
        }
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        if (handle != null) {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
            handle = null;
        }
    }
}

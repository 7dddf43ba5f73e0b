package org.secrecyguard.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes picture files (png, jpeg, bmp, gif, tiff, and webp when its ImageIO plugin is present) into
 * {@link BufferedImage}s, refusing decompression bombs before they cost memory: the pixel count is
 * read from the file's header and checked BEFORE any pixel is decoded. Large but legitimate pictures
 * (a 50-megapixel scan) are decoded subsampled to at most {@code decodePixels}, which is plenty for OCR.
 * Thread-safe.
 */
public final class ImageDecoder {
    /** Refuse files larger than this (64 MiB). */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** Refuse pictures with more pixels than this (200 megapixels: a 600 dpi A3 scan is 70). */
    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;
    /** Decode at most this many pixels, subsampling larger pictures (24 megapixels). */
    public static final long DEFAULT_DECODE_PIXELS = 24_000_000L;

    private final long maxBytes;
    private final long maxPixels;
    private final long decodePixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_DECODE_PIXELS);
    }

    public ImageDecoder(long maxBytes, long maxPixels, long decodePixels) {
        if (maxBytes <= 0 || maxPixels <= 0 || decodePixels <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.decodePixels = Math.min(decodePixels, maxPixels);
    }

    /** Reads and decodes a picture file (its first frame). */
    public BufferedImage decode(Path file) throws ImageRejectedException, IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(size);
        }
        return decode(Files.readAllBytes(file));
    }

    /** Decodes the first frame of an encoded picture. */
    public BufferedImage decode(byte[] bytes) throws ImageRejectedException {
        List<BufferedImage> frames = decodeFrames(bytes, 1);
        return frames.get(0);
    }

    /**
     * Decodes up to {@code maxFrames} frames (the pages of a multi-page TIFF scan, the frames of a GIF).
     * Every frame's size is checked before it is decoded.
     */
    public List<BufferedImage> decodeFrames(byte[] bytes, int maxFrames) throws ImageRejectedException {
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageRejectedException(ImageRejectedException.Reason.UNSUPPORTED,
                        "not a picture format that can be read (png, jpeg, bmp, gif, tiff" + (webpSupported() ? ", webp" : "") + ")");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                List<BufferedImage> frames = new ArrayList<>();
                for (int i = 0; i < maxFrames; i++) {
                    if (i > 0 && !hasFrame(reader, i)) {
                        break;
                    }
                    frames.add(readFrame(reader, i));
                }
                return frames;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Broken files make ImageIO throw anything from IIOException to ArrayIndexOutOfBounds.
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT,
                    "the picture is damaged or incomplete and cannot be read", e);
        }
    }

    private BufferedImage readFrame(ImageReader reader, int index) throws IOException, ImageRejectedException {
        long w = reader.getWidth(index);
        long h = reader.getHeight(index);
        long pixels = w * h;
        if (w <= 0 || h <= 0) {
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT, "the picture has no pixels");
        }
        if (pixels > maxPixels) {
            throw new ImageRejectedException(ImageRejectedException.Reason.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                    "the picture is %d x %d pixels (%d megapixels), more than the limit of %d megapixels:"
                            + " refused as a possible decompression bomb", w, h, pixels / 1_000_000, maxPixels / 1_000_000));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        if (pixels > decodePixels) {
            int step = (int) Math.ceil(Math.sqrt(pixels / (double) decodePixels));
            param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(index, param);
        if (image == null) {
            throw new ImageRejectedException(ImageRejectedException.Reason.CORRUPT, "the picture has no pixels");
        }
        return image;
    }

    private static boolean hasFrame(ImageReader reader, int index) {
        try {
            reader.getWidth(index);
            return true;
        } catch (IOException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private ImageRejectedException tooLarge(long size) {
        return new ImageRejectedException(ImageRejectedException.Reason.TOO_LARGE, String.format(Locale.ROOT,
                "the picture file is %d MB, more than the limit of %d MB", size >> 20, maxBytes >> 20));
    }

    /** Whether an ImageIO plugin for webp is on the class path. */
    public static boolean webpSupported() {
        return ImageIO.getImageReadersBySuffix("webp").hasNext();
    }
}

package org.secrecyguard.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    private static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.RED);
        g.fillRect(w / 4, h / 4, w / 2, h / 8);
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    @Test
    void decodesTheCommonPictureFormats() throws Exception {
        BufferedImage img = picture(320, 200);
        for (String format : List.of("png", "jpeg", "bmp", "gif", "tiff")) {
            BufferedImage back = decoder.decode(encode(img, format));
            assertEquals(320, back.getWidth(), format);
            assertEquals(200, back.getHeight(), format);
            int centre = back.getRGB(160, 62);
            assertTrue(((centre >> 16) & 0xFF) > 180 && ((centre >> 8) & 0xFF) < 80, format + " keeps the red");
        }
    }

    @Test
    void decodesWebpPictures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertTrue(ImageDecoder.webpSupported());
        // ImageIO has no WebP writer: ImageMagick (installed by installer/install-deps.sh) encodes one.
        java.nio.file.Path png = dir.resolve("in.png");
        java.nio.file.Path webp = dir.resolve("out.webp");
        ImageIO.write(picture(320, 200), "png", png.toFile());
        Process p = new ProcessBuilder("convert", png.toString(), webp.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "ImageMagick could not write webp");
        BufferedImage back = decoder.decode(java.nio.file.Files.readAllBytes(webp));
        assertEquals(320, back.getWidth());
        int centre = back.getRGB(160, 62);
        assertTrue(((centre >> 16) & 0xFF) > 180 && ((centre >> 8) & 0xFF) < 80, "keeps the red");
    }

    @Test
    void refusesADecompressionBombFromItsHeaderAlone() throws Exception {
        // A valid PNG that claims 60000 x 60000 pixels (3.6 gigapixels) but is a few hundred bytes long.
        byte[] bomb = pngClaiming(60_000, 60_000);
        assertTrue(bomb.length < 2000);
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> decoder.decode(bomb));
        assertEquals(ImageRejectedException.Reason.TOO_MANY_PIXELS, e.reason());
        assertTrue(e.getMessage().contains("60000 x 60000") && e.getMessage().contains("decompression bomb"),
                e.getMessage());
    }

    @Test
    void subsamplesLargePicturesWithinTheDecodeLimit() throws Exception {
        ImageDecoder small = new ImageDecoder(ImageDecoder.DEFAULT_MAX_BYTES, 50_000_000, 1_000_000);
        BufferedImage back = small.decode(encode(picture(2400, 1800), "png"));
        assertTrue((long) back.getWidth() * back.getHeight() <= 1_000_000, back.getWidth() + "x" + back.getHeight());
        assertTrue(back.getWidth() >= 700, "subsampled, not shrunk to nothing: " + back.getWidth());
    }

    @Test
    void saysWhatIsWrongWithFilesThatAreNotPictures() {
        ImageRejectedException text = assertThrows(ImageRejectedException.class,
                () -> decoder.decode("机密★1年 not a picture".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ImageRejectedException.Reason.UNSUPPORTED, text.reason());
        assertTrue(text.getMessage().contains("png, jpeg"), text.getMessage());
    }

    @Test
    void saysWhenAPictureIsDamaged() throws Exception {
        byte[] jpeg = encode(picture(640, 480), "jpeg");
        byte[] cut = java.util.Arrays.copyOf(jpeg, 40);
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> decoder.decode(cut));
        assertEquals(ImageRejectedException.Reason.CORRUPT, e.reason());
    }

    @Test
    void refusesFilesOverTheByteLimit() {
        ImageDecoder tiny = new ImageDecoder(1000, 1_000_000, 1_000_000);
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> tiny.decode(new byte[5000]));
        assertEquals(ImageRejectedException.Reason.TOO_LARGE, e.reason());
    }

    @Test
    void readsEveryPageOfAMultiPageTiffScan() throws Exception {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < 3; i++) {
                writer.writeToSequence(new javax.imageio.IIOImage(picture(100 + i * 10, 80), null, null), null);
            }
            writer.endWriteSequence();
        }
        writer.dispose();
        List<BufferedImage> pages = decoder.decodeFrames(bytes.toByteArray(), 10);
        assertEquals(3, pages.size());
        assertEquals(120, pages.get(2).getWidth());
        assertEquals(2, decoder.decodeFrames(bytes.toByteArray(), 2).size());
    }

    /** A PNG whose header claims the given size, with one tiny compressed row. */
    private static byte[] pngClaiming(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream ih = new DataOutputStream(ihdr);
        ih.writeInt(w);
        ih.writeInt(h);
        ih.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey, no interlace
        chunk(data, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[w / 10]);
        deflater.finish();
        byte[] buf = new byte[1024];
        int n = deflater.deflate(buf);
        chunk(data, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(data, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        out.writeInt(body.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}

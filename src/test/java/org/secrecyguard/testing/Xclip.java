package org.secrecyguard.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Drives the X11 CLIPBOARD selection from outside the JVM with the xclip tool, as another
 * application would: xclip stays alive as the selection owner until someone else takes it.
 */
public final class Xclip {
    private Xclip() {
    }

    /** Puts UTF-8 text on the clipboard; returns once xclip owns the selection. */
    public static void putText(String text) throws IOException, InterruptedException {
        put("text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8), "UTF8_STRING");
    }

    public static void putImage(BufferedImage image) throws IOException, InterruptedException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        put("image/png", png.toByteArray(), "image/png");
    }

    /** Puts a file list as text/uri-list, as file managers do. */
    public static void putUriList(String uris) throws IOException, InterruptedException {
        put("text/uri-list", uris.getBytes(StandardCharsets.UTF_8), "text/uri-list");
    }

    private static void put(String description, byte[] data, String target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xclip", "-selection", "clipboard", "-t", target, "-i")
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(data);
        }
        // xclip forks a child that owns the selection and serves requests; the parent exits then.
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("xclip did not take the clipboard (" + description + ")");
        }
    }

    /**
     * Gives the clipboard to xclip with a neutral text and waits until this JVM's AWT clipboard has
     * noticed (it may still have owned the clipboard from an earlier test), so each test starts clean.
     */
    public static void resetTo(String text, java.awt.datatransfer.Clipboard awt) throws Exception {
        putText(text);
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (text.equals(awt.getData(java.awt.datatransfer.DataFlavor.stringFlavor))) {
                    return;
                }
            } catch (java.awt.datatransfer.UnsupportedFlavorException | IOException | IllegalStateException e) {
                // still changing hands
            }
            Thread.sleep(10);
        }
        throw new IOException("AWT did not see xclip's clipboard within 3 s");
    }

    /** The clipboard's text as another application would paste it. */
    public static String readText() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xclip", "-selection", "clipboard", "-o").start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("xclip -o hung");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** True when an X display is reachable and xclip is installed. */
    public static boolean available() {
        if (System.getenv("DISPLAY") == null) {
            return false;
        }
        try {
            return new ProcessBuilder("xclip", "-version").start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

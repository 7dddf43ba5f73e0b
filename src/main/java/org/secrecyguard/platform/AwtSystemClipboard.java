package org.secrecyguard.platform;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The system clipboard through AWT, which works from any thread on X11 and Windows (unlike JavaFX's
 * clipboard, which is bound to the FX thread). Another process may hold the clipboard open for a few
 * milliseconds (Windows: "cannot open system clipboard"): every access is retried with a short backoff.
 */
public final class AwtSystemClipboard implements SystemClipboard {
    private static final Logger LOG = Logger.getLogger(AwtSystemClipboard.class.getName());
    private static final int ATTEMPTS = 8;
    private static final DataFlavor HTML = DataFlavor.allHtmlFlavor;

    private final Clipboard clipboard;

    public AwtSystemClipboard() {
        this(Toolkit.getDefaultToolkit().getSystemClipboard());
    }

    AwtSystemClipboard(Clipboard clipboard) {
        this.clipboard = clipboard;
    }

    @Override
    public ClipboardContent read() {
        return withRetry("read", this::readOnce);
    }

    private ClipboardContent readOnce() {
        Transferable t = clipboard.getContents(null);
        if (t == null) {
            return ClipboardContent.EMPTY;
        }
        String text = (String) get(t, DataFlavor.stringFlavor);
        String html = (String) get(t, HTML);
        BufferedImage image = toBuffered((Image) get(t, DataFlavor.imageFlavor));
        List<Path> files = new ArrayList<>();
        Object list = get(t, DataFlavor.javaFileListFlavor);
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof File f) {
                    files.add(f.toPath());
                }
            }
        }
        return new ClipboardContent(text, html, image, files);
    }

    private static Object get(Transferable t, DataFlavor flavor) {
        if (!t.isDataFlavorSupported(flavor)) {
            return null;
        }
        try {
            return t.getTransferData(flavor);
        } catch (UnsupportedFlavorException | IOException e) {
            // The owner advertised a format it then could not deliver: inspect what it did deliver.
            LOG.log(Level.FINE, "clipboard format " + flavor.getMimeType() + " unreadable", e);
            return null;
        }
    }

    private static BufferedImage toBuffered(Image image) {
        if (image == null || image instanceof BufferedImage) {
            return (BufferedImage) image;
        }
        int w = image.getWidth(null);
        int h = image.getHeight(null);
        if (w <= 0 || h <= 0) {
            return null;
        }
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    @Override
    public void writeText(String text) {
        withRetry("write", () -> {
            StringSelection selection = new StringSelection(text);
            clipboard.setContents(selection, selection);
            return null;
        });
    }

    @Override
    public void write(ClipboardContent content) {
        withRetry("write", () -> {
            ContentTransferable t = new ContentTransferable(content);
            clipboard.setContents(t, null);
            return null;
        });
    }

    private static <T> T withRetry(String what, java.util.function.Supplier<T> action) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return action.get();
            } catch (IllegalStateException busy) {
                // Windows: another process has the clipboard open; it normally closes it within ms.
                last = busy;
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new ClipboardAccessException("clipboard " + what + " failed after " + ATTEMPTS + " attempts", last);
    }
}

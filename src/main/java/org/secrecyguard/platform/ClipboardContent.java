package org.secrecyguard.platform;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What the clipboard held at one moment, in the formats the guard inspects. Any part may be absent
 * (null / empty list); a copy from an office suite often carries text and HTML at once.
 *
 * @param text  plain text, or null
 * @param html  HTML markup, or null
 * @param image a picture, or null
 * @param files a file list (copied files or folders), empty when none
 */
public record ClipboardContent(String text, String html, BufferedImage image, List<Path> files) {
    public static final ClipboardContent EMPTY = new ClipboardContent(null, null, null, List.of());

    public ClipboardContent {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static ClipboardContent ofText(String text) {
        return new ClipboardContent(text, null, null, List.of());
    }

    public boolean hasText() {
        return text != null && !text.isEmpty();
    }

    public boolean hasHtml() {
        return html != null && !html.isEmpty();
    }

    public boolean isEmpty() {
        return !hasText() && !hasHtml() && image == null && files.isEmpty();
    }

    /** What kind of content this is, for events and popups: files win over images over text. */
    public ContentKind kind() {
        if (!files.isEmpty()) {
            return ContentKind.FILES;
        }
        if (image != null) {
            return ContentKind.IMAGE;
        }
        return isEmpty() ? ContentKind.EMPTY : ContentKind.TEXT;
    }

    /**
     * A SHA-256 over everything held, hex encoded: equal content gives an equal hash, so the guard can
     * recognise its own notice and reuse a verdict when the same thing is copied again. Image hashing
     * covers every pixel.
     */
    public String contentHash() {
        MessageDigest md = sha256();
        update(md, "t", text);
        update(md, "h", html);
        if (image != null) {
            md.update((byte) 'i');
            int w = image.getWidth();
            int h = image.getHeight();
            md.update(ByteBuffer.allocate(8).putInt(w).putInt(h).array());
            int[] row = new int[w];
            ByteBuffer buf = ByteBuffer.allocate(w * 4);
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                buf.clear();
                buf.asIntBuffer().put(row);
                md.update(buf.array(), 0, w * 4);
            }
        }
        for (Path f : files) {
            update(md, "f", f.toAbsolutePath().toString());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String tag, String value) {
        if (value == null) {
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        md.update(tag.getBytes(StandardCharsets.US_ASCII));
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        // Never print the content itself: it may be the secret the guard caught.
        return "ClipboardContent[" + kind() + (hasText() ? ", text " + text.length() + " chars" : "")
                + (image != null ? ", image " + image.getWidth() + "x" + image.getHeight() : "")
                + (files.isEmpty() ? "" : ", " + files.size() + " files") + "]";
    }
}

package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.testing.Xclip;

/** Reads what other applications copy (xclip stands in for them) and writes what they can paste. */
class AwtSystemClipboardTest {
    private AwtSystemClipboard clipboard;

    @BeforeEach
    void needsX() throws Exception {
        assumeTrue(Xclip.available(), "runs under xvfb-run with xclip installed (CI runs every test there)");
        clipboard = new AwtSystemClipboard();
        Xclip.resetTo("start", java.awt.Toolkit.getDefaultToolkit().getSystemClipboard());
    }

    /**
     * After this JVM owned the clipboard, AWT serves its own old content (or briefly nothing) until it
     * has processed the new owner's SelectionClear: callers (the guard) must re-read; so does the test.
     */
    private ClipboardContent readUntil(java.util.function.Predicate<ClipboardContent> arrived)
            throws InterruptedException {
        long end = System.nanoTime() + 3_000_000_000L;
        ClipboardContent c = clipboard.read();
        while (!arrived.test(c) && System.nanoTime() < end) {
            Thread.sleep(10);
            c = clipboard.read();
        }
        return c;
    }

    @Test
    void readsChineseTextCopiedByAnotherApplication() throws Exception {
        clipboard.writeText("held by this JVM");
        Xclip.putText("机密★1年\n第二行");
        ClipboardContent c = readUntil(x -> x.hasText() && x.text().startsWith("机密"));
        assertEquals("机密★1年\n第二行", c.text());
        assertEquals(ContentKind.TEXT, c.kind());
    }

    @Test
    void readsAPngPicture() throws Exception {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 64, 32);
        g.dispose();
        Xclip.putImage(img);
        ClipboardContent c = readUntil(x -> x.kind() == ContentKind.IMAGE);
        assertEquals(ContentKind.IMAGE, c.kind());
        assertNotNull(c.image());
        assertEquals(64, c.image().getWidth());
        assertEquals(Color.RED.getRGB(), c.image().getRGB(10, 10) | 0xff000000);
    }

    @Test
    void readsAFileListCopiedInAFileManager(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("通知.txt"), "x");
        Path b = Files.writeString(dir.resolve("b.txt"), "y");
        Xclip.putUriList(a.toUri() + "\r\n" + b.toUri() + "\r\n");
        ClipboardContent c = readUntil(x -> x.kind() == ContentKind.FILES);
        assertEquals(ContentKind.FILES, c.kind());
        assertEquals(List.of(a, b), c.files());
    }

    @Test
    void writtenNoticeIsWhatOtherApplicationsPaste() throws Exception {
        clipboard.writeText("【保密卫士】剪贴板内容含机密标志，已被拦截。");
        assertEquals("【保密卫士】剪贴板内容含机密标志，已被拦截。", Xclip.readText());
    }

    @Test
    void restoredContentKeepsItsHashSoTheGuardKnowsItsOwnWrite() throws Exception {
        Xclip.putText("内部资料\n恢复测试");
        ClipboardContent original = readUntil(x -> x.hasText() && x.text().startsWith("内部资料"));
        clipboard.writeText("notice");
        assertNotEquals(original.contentHash(), clipboard.read().contentHash());
        clipboard.write(original);
        assertEquals(original.contentHash(), clipboard.read().contentHash());
        assertTrue(Xclip.readText().startsWith("内部资料"));
    }
}
